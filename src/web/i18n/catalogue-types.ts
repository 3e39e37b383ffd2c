import type { Catalogue } from '../../domain/i18n/translate.ts';

// Every t('…') in the web client is checked against the catalogue: a missing or misspelt key fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Catalogue };
  }
}
