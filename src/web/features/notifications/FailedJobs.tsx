import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useFailedJobs, useRetryJob } from './hooks/useFailedJobs.ts';

/** Background jobs that gave up (e-mails the mail server kept refusing), for the platform admin to act on. */
export function FailedJobs() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const failed = useFailedJobs();
  const retry = useRetryJob();
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  const jobs = failed.data?.jobs ?? [];
  return (
    <section aria-labelledby="failed-jobs" className="card">
      <h2 id="failed-jobs">{t('notifications.jobsTitle')}</h2>
      <p>{t('notifications.jobsIntro')}</p>
      {(failed.error ?? retry.error) && <Alert kind="error">{errorText(failed.error ?? retry.error)}</Alert>}
      {failed.data && jobs.length === 0 && <p className="muted">{t('notifications.jobsEmpty')}</p>}
      {jobs.length > 0 && (
        <TableWrap label={t('notifications.jobsTitle')}>
          <table className="table stack">
            <thead>
              <tr>
                <th scope="col">{t('notifications.kind')}</th>
                <th scope="col">{t('notifications.failedAt')}</th>
                <th scope="col">{t('notifications.attempts')}</th>
                <th scope="col">{t('notifications.error')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('notifications.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td data-label={t('notifications.kind')}>{job.kind}</td>
                  <td data-label={t('notifications.failedAt')}>{when(job.failedAt)}</td>
                  <td data-label={t('notifications.attempts')}>{job.attempts}</td>
                  <td data-label={t('notifications.error')} className="break">
                    {job.lastError}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate(job.id)}
                    >
                      {t('notifications.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
