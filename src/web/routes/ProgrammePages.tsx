import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OrganisationType } from '../../contracts/organisations.ts';
import type { CohortQuery } from '../../contracts/programmes.ts';
import { ORGANISATION_TYPES } from '../../contracts/values.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { InviteByLink } from '../components/InviteByLink.tsx';
import { CohortChart } from '../features/programmes/CohortChart.tsx';
import { CohortPublication } from '../features/programmes/CohortPublication.tsx';
import { cohortQuery } from '../features/programmes/cohort.ts';
import { useCohort } from '../features/programmes/hooks/useCohort.ts';
import { useCreateProgramme } from '../features/programmes/hooks/useCreateProgramme.ts';
import { useInviteToProgramme } from '../features/programmes/hooks/useInviteToProgramme.ts';
import { useJoinProgramme } from '../features/programmes/hooks/useJoinProgramme.ts';
import { useProgramme } from '../features/programmes/hooks/useProgramme.ts';
import { useProgrammeInvitation } from '../features/programmes/hooks/useProgrammeInvitation.ts';
import { useProgrammes } from '../features/programmes/hooks/useProgrammes.ts';
import { ProgrammeConsents } from '../features/programmes/ProgrammeConsents.tsx';
import { RequireUser } from './guards.tsx';

// Shown on the organisation page too, which should not load the cohort chart for it.
export { ProgrammeConsents } from '../features/programmes/ProgrammeConsents.tsx';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useProgrammes();
  const [form, setForm] = useState({ name: '', description: '', startsOn: '', endsOn: '' });
  const create = useCreateProgramme({
    onSuccess: () => setForm({ name: '', description: '', startsOn: '', endsOn: '' }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.name.trim())
      create.mutate({
        name: form.name,
        description: form.description.trim() || null,
        startsOn: form.startsOn || null,
        endsOn: form.endsOn || null,
      });
  };
  return (
    <RequireUser>
      {() => (
        <div className="wide-form">
          <h1>{t('programme.title')}</h1>
          <p>{t('programme.intro')}</p>
          {list.error && <Alert kind="error">{errorText(list.error)}</Alert>}
          {list.data?.programmes.length === 0 && <p className="muted">{t('programme.none')}</p>}
          <ul className="list">
            {list.data?.programmes.map((p) => (
              <li key={p.id} className="list-row">
                <Link to={`/programmes/${p.id}`}>{p.name}</Link>
                <span className="muted">{[p.startsOn, p.endsOn].filter(Boolean).join(' – ')}</span>
              </li>
            ))}
          </ul>
          <form className="card form" onSubmit={submit}>
            <h2>{t('programme.create')}</h2>
            {create.error && <Alert kind="error">{errorText(create.error)}</Alert>}
            <Field label={t('programme.name')}>
              {(p) => (
                <input
                  {...p}
                  required
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('programme.description')}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={form.description}
                  onChange={(e) => setForm({ ...form, description: e.target.value })}
                />
              )}
            </Field>
            <div className="grid-2">
              <Field label={t('programme.startsOn')}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={form.startsOn}
                    onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('programme.endsOn')}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={form.endsOn}
                    onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <button type="submit" className="button primary" disabled={create.isPending}>
              {t('programme.create')}
            </button>
          </form>
        </div>
      )}
    </RequireUser>
  );
}

export function ProgrammePage() {
  return <RequireUser>{() => <Programme />}</RequireUser>;
}

function Programme() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { id = '' } = useParams();
  const [filter, setFilter] = useState<CohortQuery>({});
  const detail = useProgramme(id);
  const cohort = useCohort(id, filter);
  const invite = useInviteToProgramme(id);
  // Waits for the chart too on first load: appearing later, it would push the sections below it down.
  if (detail.isPending || cohort.isPending) return <p role="status">{t('app.loading')}</p>;
  if (detail.error) return <Alert kind="error">{errorText(detail.error)}</Alert>;
  const p = detail.data;
  return (
    <div>
      <h1>{p.name}</h1>
      {p.description && <p>{p.description}</p>}
      <section aria-labelledby="cohort">
        <div className="section-head">
          <h2 id="cohort">{t('programme.cohort')}</h2>
          <span className="actions no-print">
            <a
              className="button small"
              href={`/api/v1/programmes/${id}/cohort.csv?${cohortQuery(filter)}`}
              download
            >
              {t('programme.download')}
            </a>
            <button type="button" className="button small" onClick={() => window.print()}>
              {t('programme.print')}
            </button>
          </span>
        </div>
        <p>{t('programme.cohortHelp')}</p>
        {cohort.data && <CohortPublication id={id} cohort={cohort.data} />}
        <div className="form inline-form no-print">
          <Field label={t('programme.filterType')}>
            {(f) => (
              <select
                {...f}
                value={filter.type ?? ''}
                onChange={(e) =>
                  setFilter({
                    ...filter,
                    type: (e.target.value || undefined) as OrganisationType | undefined,
                  })
                }
              >
                <option value="">{t('programme.all')}</option>
                {ORGANISATION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`organisation.types.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('programme.filterPeriod')} hint={t('programme.filterPeriodHint')}>
            {(f) => (
              <select
                {...f}
                value={filter.period ?? ''}
                onChange={(e) =>
                  setFilter({ ...filter, period: e.target.value ? Number(e.target.value) : undefined })
                }
              >
                <option value="">{t('programme.latest')}</option>
                {(cohort.data?.periods ?? []).map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {cohort.error && <Alert kind="error">{errorText(cohort.error)}</Alert>}
        {cohort.data && <CohortChart cohort={cohort.data} />}
      </section>
      <section aria-labelledby="members" className="no-print">
        <h2 id="members">{t('programme.members')}</h2>
        <ul className="list">
          {p.members.map((m) => (
            <li key={m.organisationId} className="list-row">
              <span>
                <strong>{m.name}</strong> · {t(`organisation.types.${m.type}`)}
              </span>
              <span className={m.consent ? '' : 'muted'}>
                {m.consent ? t('programme.consent') : t('programme.noConsent')}
              </span>
            </li>
          ))}
        </ul>
        <div className="card">
          <p>{t('programme.inviteHelp')}</p>
          <InviteByLink invite={invite} submitLabel={t('programme.invite')} />
        </div>
      </section>
    </div>
  );
}

export function ProgrammeInvitationPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { token = '' } = useParams();
  const preview = useProgrammeInvitation(token);
  const join = useJoinProgramme(token);
  return (
    <RequireUser>
      {() => (
        <div className="narrow wide-form">
          <h1>{t('programme.joinTitle')}</h1>
          {preview.error && <Alert kind="error">{errorText(preview.error)}</Alert>}
          {preview.data && (
            <p className="lead">{t('programme.joinText', { name: preview.data.programmeName })}</p>
          )}
          {join.error && <Alert kind="error">{errorText(join.error)}</Alert>}
          {join.isSuccess ? (
            <>
              <Alert kind="success">{t('programme.joined')}</Alert>
              <ProgrammeConsents />
            </>
          ) : (
            preview.data?.open && (
              <button
                type="button"
                className="button primary"
                onClick={() => join.mutate()}
                disabled={join.isPending}
              >
                {t('programme.join')}
              </button>
            )
          )}
        </div>
      )}
    </RequireUser>
  );
}
