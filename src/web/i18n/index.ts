import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Translate } from '../../domain/i18n/translate.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import './catalogue-types.ts';

import { type Language, rememberLanguage, storedLanguage } from './language.ts';

export type { Language };

type Strings = Record<string, unknown>;

/**
 * The one place that knows where a language's strings live. Each language is its own chunk, so a visitor
 * downloads only the language they read.
 */
function loadStrings(language: Language): Promise<Strings> {
  const load = language === 'en' ? import('../../domain/i18n/en.json') : import('../../domain/i18n/nl.json');
  return load.then((module) => module.default as Strings);
}

async function ensureStrings(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation'))
    i18n.addResourceBundle(language, 'translation', await loadStrings(language));
}

/** Loads the remembered language's strings; awaited before the first render, so no page shows keys. */
export async function startI18n(): Promise<void> {
  const language = storedLanguage();
  const strings = await loadStrings(language);
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation: strings } },
    lng: language,
    // Every string exists in both files (house rule), so there is nothing to fall back to; a fallback
    // language would make i18next ask for strings that were never loaded.
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = language;
}

/** Switches the language (loading its strings first) and remembers the choice in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await ensureStrings(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/**
 * The reader's language and a translator for the domain's sentences (src/domain/wheel/explain.ts …), which
 * the PDF writes with the same catalogue.
 */
export function useTranslate(): { lang: Locale; translate: Translate } {
  const { t, i18n: instance } = useTranslation();
  return { lang: instance.language === 'en' ? 'en' : 'nl', translate: (key, values) => t(key, values) };
}

export { i18n };
