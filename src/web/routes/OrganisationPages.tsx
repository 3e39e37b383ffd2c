import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { CreateOrganisationBody, Organisation } from '../../contracts/organisations.ts';
import type { Catalogue } from '../../domain/i18n/translate.ts';
import { ApiError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { DownloadWithProgress } from '../components/DownloadWithProgress.tsx';
import { useErrorText } from '../components/errors.ts';
import { useCreateOrganisation } from '../features/organisations/hooks/useCreateOrganisation.ts';
import { useCurrentOrganisation } from '../features/organisations/hooks/useCurrentOrganisation.ts';
import { useUpdateOrganisation } from '../features/organisations/hooks/useUpdateOrganisation.ts';
import { OrganisationDeletion } from '../features/organisations/OrganisationDeletion.tsx';
import { OrganisationForm } from '../features/organisations/OrganisationForm.tsx';
import { ProgrammeConsents } from '../features/programmes/ProgrammeConsents.tsx';
import { pendingInvitation } from '../session/returnTo.ts';
import { RequireUser } from './guards.tsx';

export function NewOrganisationPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateOrganisation({
    // Made to answer an invitation: straight back to it.
    onSuccess: () => navigate(pendingInvitation() ?? '/organisation', { state: { created: true } }),
  });
  return (
    <RequireUser>
      {() => (
        <div className="narrow wide-form">
          <h1>{t('organisation.newTitle')}</h1>
          {create.error && <Alert kind="error">{errorText(create.error)}</Alert>}
          <OrganisationForm
            submitLabel={t('organisation.create')}
            pending={create.isPending}
            serverError={create.error}
            onSubmit={(body) => create.mutate(body as CreateOrganisationBody)}
          />
        </div>
      )}
    </RequireUser>
  );
}

export function NoOrganisation() {
  const { t } = useTranslation();
  return (
    <div className="card empty">
      <h1>{t('organisation.noneTitle')}</h1>
      <p>{t('organisation.none')}</p>
      <Link className="button primary" to="/organisations/new">
        {t('dashboard.create')}
      </Link>
    </div>
  );
}

export function OrganisationPage() {
  return <RequireUser>{() => <OrganisationProfile />}</RequireUser>;
}

function OrganisationProfile() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // Set by the "new organisation" page, so the first thing a new admin sees says what happened.
  const justCreated = Boolean((useLocation().state as { created?: boolean } | null)?.created);
  const org = useCurrentOrganisation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useUpdateOrganisation({
    onSuccess: () => {
      setEditing(false);
      setSaved(true);
    },
  });
  if (org.isPending) return <p>{t('app.loading')}</p>;
  if (org.error) {
    return org.error instanceof ApiError && org.error.status === 404 ? (
      <NoOrganisation />
    ) : (
      <Alert kind="error">{errorText(org.error)}</Alert>
    );
  }
  const o = org.data;
  return (
    <div className="wide-form">
      <div className="section-head">
        <h1>{t('organisation.profileTitle', { name: o.name })}</h1>
        {!editing && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('organisation.edit')}
          </button>
        )}
      </div>
      {justCreated && !saved && !editing && <Alert kind="success">{t('organisation.created')}</Alert>}
      {saved && <Alert kind="success">{t('organisation.saved')}</Alert>}
      {update.error && <Alert kind="error">{errorText(update.error)}</Alert>}
      {editing ? (
        <OrganisationForm
          initial={o}
          submitLabel={t('organisation.save')}
          pending={update.isPending}
          serverError={update.error}
          onSubmit={(body) => update.mutate(body)}
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
        />
      ) : (
        <ProfileView organisation={o} />
      )}
      <ProgrammeConsents />
      {o.myRole === 'admin' && (
        <section aria-labelledby="organisation-data" className="card">
          <h2 id="organisation-data">{t('organisation.dataTitle')}</h2>
          <DownloadWithProgress
            url="/api/v1/organisation/export.zip"
            label={t('organisation.dataDownload')}
            help={t('organisation.dataHelp')}
          />
        </section>
      )}
      {o.myRole === 'admin' && <OrganisationDeletion organisation={o} />}
    </div>
  );
}

function ProfileRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="profile-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ProfileView({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const label = (field: keyof Catalogue['organisation']['fields']) => t(`organisation.fields.${field}`);
  const notSet = <span className="muted">{t('organisation.notSet')}</span>;
  return (
    <dl className="card profile">
      <ProfileRow label={label('name')}>{o.name}</ProfileRow>
      <ProfileRow label={label('type')}>{t(`organisation.types.${o.type}`)}</ProfileRow>
      <ProfileRow label={label('impactOrientation')}>
        {o.impactOrientation ? t(`organisation.impact.${o.impactOrientation}`) : notSet}
      </ProfileRow>
      <ProfileRow label={label('sector')}>{o.sector || notSet}</ProfileRow>
      <ProfileRow label={label('employees')}>
        {o.employees ? t(`organisation.employees.${o.employees}`) : notSet}
      </ProfileRow>
      <ProfileRow label={label('yearFounded')}>{o.yearFounded ?? notSet}</ProfileRow>
      <ProfileRow label={label('place')}>{o.place || notSet}</ProfileRow>
      <ProfileRow label={label('website')}>
        {o.website ? (
          <a href={o.website} rel="noopener noreferrer nofollow" target="_blank">
            {o.website}
          </a>
        ) : (
          notSet
        )}
      </ProfileRow>
      <ProfileRow label={label('description')}>
        {o.description ? <span className="pre-wrap">{o.description}</span> : notSet}
      </ProfileRow>
    </dl>
  );
}
