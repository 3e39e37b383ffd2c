import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../contracts/notifications.ts';

/** A notice as a sentence in the reader's language, with dates written as they read them. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const day = (date: string) => new Date(`${date}T12:00:00`).toLocaleDateString(locale);
  const moment = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
  return {
    sentence: (n: Notification) =>
      n.programme
        ? t('notifications.programmeInvited', { programme: n.programme.name })
        : t(`notifications.kinds.${n.kind}`, {
            org: n.actor ?? t('live.someone'),
            collaboration: n.collaboration?.name ?? '',
            action: n.action?.text ?? '',
            date: n.action?.dueDate ? day(n.action.dueDate) : '',
            when: n.conversationAt ? moment(n.conversationAt) : '',
          }),
    when: (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}
