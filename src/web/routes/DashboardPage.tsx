import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../contracts/accounts.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { useSwitchOrganisation } from '../features/account/hooks/useSwitchOrganisation.ts';
import { CollaborationCards } from '../features/collaborations/CollaborationCards.tsx';
import { useCollaborations } from '../features/collaborations/hooks/useCollaborations.ts';
import { NextSteps } from '../features/collaborations/NextSteps.tsx';
import { ReceivedInvitations } from '../features/collaborations/ReceivedInvitations.tsx';
import { RequireUser } from './guards.tsx';

export function DashboardPage() {
  return <RequireUser>{(me) => <Dashboard me={me} />}</RequireUser>;
}

function Dashboard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const open = useSwitchOrganisation({ onSuccess: () => navigate('/organisation') });
  // The collaborations come first on the page: shown before they arrive, the rest would jump down (layout shift).
  const collaborations = useCollaborations({ enabled: Boolean(me.activeOrganisationId) });
  if (me.activeOrganisationId && collaborations.isPending) return <p role="status">{t('app.loading')}</p>;
  return (
    <div>
      <h1>{t('dashboard.title', { name: me.user.name })}</h1>
      <ReceivedInvitations me={me} />
      <NextSteps me={me} collaborations={collaborations.data?.collaborations ?? []} />
      {me.activeOrganisationId && <CollaborationCards />}
      <section aria-labelledby="orgs">
        <div className="section-head">
          <h2 id="orgs">{t('dashboard.myOrganisations')}</h2>
          {me.memberships.length > 0 && (
            <Link className="button" to="/organisations/new">
              {t('dashboard.create')}
            </Link>
          )}
        </div>
        {open.error && <Alert kind="error">{errorText(open.error)}</Alert>}
        {me.memberships.length === 0 ? (
          <div className="card empty">
            <h3>{t('dashboard.emptyTitle')}</h3>
            <p>{t('dashboard.empty')}</p>
            <Link className="button primary" to="/organisations/new">
              {t('dashboard.create')}
            </Link>
          </div>
        ) : (
          <ul className="cards">
            {me.memberships.map((m) => {
              const current = m.organisationId === me.activeOrganisationId;
              return (
                <li key={m.organisationId} className={`card org-card${current ? ' current' : ''}`}>
                  <h3>{m.name}</h3>
                  <p className="meta">
                    {m.role === 'admin' ? t('dashboard.roleAdmin') : t('dashboard.roleMember')}
                    {current && <span className="badge">{t('dashboard.current')}</span>}
                  </p>
                  <button
                    type="button"
                    className="button"
                    onClick={() => open.mutate(m.organisationId)}
                    aria-label={`${t('dashboard.open')}: ${m.name}`}
                  >
                    {t('dashboard.open')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
