import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

export const LANGUAGE_KEY = 'impact-wheel.language';
export type Language = 'nl' | 'en';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** Switches the language and remembers the choice in this browser. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode without storage: the switch still works for this visit.
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export { i18n };
