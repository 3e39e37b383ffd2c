// The visitor's language choice, kept in this browser (localStorage) and in a cookie, so the server can send
// the landing page already written in it (src/server/http/web-assets.ts). No i18next here: the static landing
// page's script uses this module too, and stays a few hundred bytes.
import { LANGUAGE_COOKIE } from '../../contracts/values.ts';
import type { Locale } from '../../domain/vocabulary.ts';

export type Language = Locale;
export const LANGUAGE_KEY = 'impact-wheel.language';
export { LANGUAGE_COOKIE };

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode without storage: the cookie still carries the choice.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and Safari 17
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
}
