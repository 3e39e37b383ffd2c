import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Turns an API error into a sentence in the reader's language. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === 'network') return t('errors.network');
      return t(`errors.${error.code}`, { defaultValue: error.message });
    }
    return t('errors.unknown');
  };
}
