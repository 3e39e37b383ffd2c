// The only script of the static landing page (src/web/landing/document.tsx renders the page at build time).
// It switches the language, which the server reads from a cookie; everything else on the page is a link.
import { LANGUAGE_COOKIE, type Language, rememberLanguage, storedLanguage } from '../i18n/language.ts';

const shown = document.documentElement.lang === 'en' ? 'en' : 'nl';
// A language chosen before the cookie existed lives only in this browser: send it along once.
if (!document.cookie.includes(`${LANGUAGE_COOKIE}=`) && storedLanguage() !== shown) {
  rememberLanguage(storedLanguage());
  location.reload();
}

const switcher = document.querySelector<HTMLButtonElement>('button.lang-switch');
switcher?.addEventListener('click', () => {
  rememberLanguage(switcher.lang as Language);
  location.reload();
});
