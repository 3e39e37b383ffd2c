import { readFileSync } from 'node:fs';
import type { MessageKey } from '../../../src/domain/i18n/translate.ts';
import type { Locale } from '../../../src/domain/vocabulary.ts';

/**
 * The words of the screen, read from the same catalogues the app shows (src/domain/i18n/nl.json, en.json),
 * so a spec names a button by its key and keeps passing when the copy is reworded.
 */
const catalogues: Record<Locale, unknown> = {
  nl: JSON.parse(readFileSync(new URL('../../../src/domain/i18n/nl.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('../../../src/domain/i18n/en.json', import.meta.url), 'utf8')),
};

/** A key as i18next is asked for it: a plural key (`…_one`, `…_other`) by its base, with a `count`. */
export type WordKey = MessageKey | (MessageKey extends `${infer Base}_other` ? Base : never);

function lookup(lang: Locale, key: string): string | undefined {
  let node: unknown = catalogues[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/**
 * The text for a key, as i18next renders it: the plural form for `count` by the language's plural rules
 * (`_one`, `_other`), and `{{placeholders}}` filled in. A missing key or value fails loudly.
 */
export function words(lang: Locale, key: WordKey, values: Record<string, string | number> = {}): string {
  const count = values.count;
  const text =
    (typeof count === 'number'
      ? lookup(lang, `${key}_${new Intl.PluralRules(lang).select(count)}`)
      : undefined) ?? lookup(lang, key);
  if (text === undefined) throw new Error(`No text for ${key} in ${lang}.json`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_all, name: string) => {
    if (!(name in values)) throw new Error(`${key} in ${lang}.json needs a value for {{${name}}}`);
    return String(values[name]);
  });
}

/** Words of one language, for a spec that walks through the app in it. */
export function wordsIn(lang: Locale) {
  return (key: WordKey, values?: Record<string, string | number>) => words(lang, key, values);
}

/** A text as a pattern that matches it anywhere, with its special characters taken literally. */
export function literally(text: string, flags?: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}
