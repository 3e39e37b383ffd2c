import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreferences } from '../../../contracts/notifications.ts';
import { LOCALES, NOTIFICATION_CHANNELS } from '../../../domain/vocabulary.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useNotificationPreferences, useSetNotificationPreferences } from './hooks/usePreferences.ts';

type Choice = NotificationPreferences['preferences'];

/** Per kind of notice: in the app and by e-mail, in the app only, or off; and the language of e-mails. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const current = useNotificationPreferences();
  const [saved, setSaved] = useState(false);
  const save = useSetNotificationPreferences({ onSuccess: () => setSaved(true) });
  const [choice, setChoice] = useState<Choice>([]);
  const [language, setLanguage] = useState<'nl' | 'en'>('nl');
  useEffect(() => {
    if (!current.data) return;
    setChoice(current.data.preferences);
    setLanguage(current.data.language);
  }, [current.data]);
  const emailAvailable = current.data?.emailAvailable ?? false;
  const channels = NOTIFICATION_CHANNELS.filter((c) => emailAvailable || c !== 'email');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ preferences: choice, language });
  };
  return (
    <section aria-labelledby="notification-settings" className="card">
      <h2 id="notification-settings" tabIndex={-1}>
        {t('notifications.preferencesTitle')}
      </h2>
      <p>{t('notifications.preferencesIntro')}</p>
      {!emailAvailable && current.data && <p className="muted">{t('notifications.noEmail')}</p>}
      {current.error && <Alert kind="error">{errorText(current.error)}</Alert>}
      {current.data && (
        <form className="form" onSubmit={submit}>
          <TableWrap label={t('notifications.preferencesTitle')}>
            <table className="table stack preferences">
              <thead>
                <tr>
                  <th scope="col">{t('notifications.kind')}</th>
                  {channels.map((c) => (
                    <th scope="col" key={c}>
                      {t(`notifications.channel.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {choice.map((p) => (
                  <tr key={p.kind}>
                    <th scope="row">{t(`notifications.kindNames.${p.kind}`)}</th>
                    {channels.map((c) => (
                      <td key={c} data-label={t(`notifications.channel.${c}`)}>
                        <input
                          type="radio"
                          name={`channel-${p.kind}`}
                          aria-label={`${t(`notifications.kindNames.${p.kind}`)}: ${t(`notifications.channel.${c}`)}`}
                          checked={
                            p.channel === c || (!emailAvailable && c === 'in-app' && p.channel === 'email')
                          }
                          onChange={() =>
                            setChoice((all) => all.map((x) => (x.kind === p.kind ? { ...x, channel: c } : x)))
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {emailAvailable && (
            <div className="field">
              <label htmlFor="mail-language">{t('notifications.language')}</label>
              <select
                id="mail-language"
                value={language}
                onChange={(e) => setLanguage(e.target.value as 'nl' | 'en')}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {l === 'nl' ? 'Nederlands' : 'English'}
                  </option>
                ))}
              </select>
            </div>
          )}
          {save.error && <Alert kind="error">{errorText(save.error)}</Alert>}
          {saved && <Alert kind="success">{t('notifications.saved')}</Alert>}
          <button type="submit" className="button primary" disabled={save.isPending}>
            {t('notifications.save')}
          </button>
        </form>
      )}
    </section>
  );
}
