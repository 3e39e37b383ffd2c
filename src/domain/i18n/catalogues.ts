// Both languages at once, for the server (the PDF) and the unit tests. The web client never imports this
// file: it loads only the language a visitor reads (src/web/i18n, a lint rule guards it).
import type { Locale } from '../vocabulary.ts';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
import { createTranslate, type Translate } from './translate.ts';

export const translators: Record<Locale, Translate> = { nl: createTranslate(nl), en: createTranslate(en) };
