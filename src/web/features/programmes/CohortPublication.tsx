import { useTranslation } from 'react-i18next';
import type { Cohort } from '../../../contracts/programmes.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { usePublishCohort } from './hooks/usePublishCohort.ts';

/**
 * Which publication the chart shows and whether a new one can be made. Figures change only when published, so
 * that comparing the chart before and after one organisation's consent never shows that organisation's answers.
 */
export function CohortPublication({ id, cohort }: { id: string; cohort: Cohort }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const publish = usePublishCohort(id);
  const ready = cohort.changes >= cohort.minimum;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  return (
    <div className="card cohort-publication no-print">
      <p>
        {cohort.published
          ? t('programme.publishedOn', {
              number: cohort.published.number,
              date: date(cohort.published.publishedAt),
            })
          : t('programme.notPublished')}
      </p>
      {cohort.withdrawn && <Alert kind="info">{t('programme.withdrawnSince')}</Alert>}
      <p id="publish-help" className="hint">
        {t('programme.changes', { count: cohort.changes, minimum: cohort.minimum })}
      </p>
      <button
        type="button"
        className="button primary"
        aria-describedby="publish-help"
        onClick={() => publish.mutate()}
        disabled={!ready || publish.isPending}
      >
        {t('programme.publish')}
      </button>
      {publish.error && <Alert kind="error">{errorText(publish.error)}</Alert>}
      {publish.isSuccess && (
        <Alert kind="success">{t('programme.publishedNow', { number: publish.data.number })}</Alert>
      )}
    </div>
  );
}
