import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/vocabulary.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { useMarkRead, useNotifications } from '../features/notifications/hooks/useNotifications.ts';
import { useUnsubscribe } from '../features/notifications/hooks/usePreferences.ts';
import { useNotificationText } from '../features/notifications/useNotificationText.ts';
import { RequireUser } from './guards.tsx';

/** Every notice of the signed-in person, newest first; unread ones marked, each leading to what it is about. */
export function NotificationsPage() {
  return <RequireUser>{() => <Notifications />}</RequireUser>;
}

function Notifications() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useNotifications();
  const mark = useMarkRead();
  const { sentence, when } = useNotificationText();
  const notices = list.data?.notifications ?? [];
  return (
    <div className="narrow">
      <div className="section-head">
        <h1>{t('notifications.title')}</h1>
        {(list.data?.unread ?? 0) > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => mark.mutate(null)}
            disabled={mark.isPending}
          >
            {t('notifications.markAllRead')}
          </button>
        )}
      </div>
      {list.isPending && <p aria-live="polite">{t('app.loading')}</p>}
      {(list.error ?? mark.error) && <Alert kind="error">{errorText(list.error ?? mark.error)}</Alert>}
      {list.data && notices.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      {notices.length > 0 && (
        <ul className="list notification-list">
          {notices.map((n) => (
            <li key={n.id} className={`list-row notification${n.readAt ? '' : ' unread'}`}>
              <div>
                {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                <Link to={n.link} onClick={() => !n.readAt && mark.mutate(n.id)}>
                  {sentence(n)}
                </Link>
                <br />
                <span className="muted">{when(n.createdAt)}</span>
              </div>
              {!n.readAt && (
                <button
                  type="button"
                  className="button small"
                  onClick={() => mark.mutate(n.id)}
                  aria-label={`${t('notifications.markRead')}: ${sentence(n)}`}
                >
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/account#notification-settings">{t('notifications.preferencesIntro')}</Link>
      </p>
    </div>
  );
}

/** The page an e-mail's "stop these e-mails" link opens: one button, no sign-in needed. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const unsubscribe = useUnsubscribe();
  const heading = useRef<HTMLHeadingElement>(null);
  const kind = search.get('kind') as NotificationKind | null;
  const known = kind !== null && (NOTIFICATION_KINDS as readonly string[]).includes(kind);
  useEffect(() => {
    if (unsubscribe.isSuccess || unsubscribe.isError) heading.current?.focus();
  }, [unsubscribe.isSuccess, unsubscribe.isError]);
  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('notifications.unsubscribeTitle')}
      </h1>
      {unsubscribe.isSuccess ? (
        <Alert kind="success">{t('notifications.unsubscribeDone')}</Alert>
      ) : unsubscribe.isError || !known ? (
        <Alert kind="error">{t('notifications.unsubscribeFailed')}</Alert>
      ) : (
        <>
          <p>{t('notifications.unsubscribeAsk', { kind: t(`notifications.kindNames.${kind}`) })}</p>
          <button
            type="button"
            className="button primary"
            disabled={unsubscribe.isPending}
            onClick={() =>
              unsubscribe.mutate({
                user: search.get('user') ?? '',
                kind: kind ?? '',
                signature: search.get('s') ?? '',
              })
            }
          >
            {t('notifications.unsubscribeButton')}
          </button>
        </>
      )}
      <p>
        <Link to="/account#notification-settings">{t('notifications.preferencesIntro')}</Link>
      </p>
    </div>
  );
}
