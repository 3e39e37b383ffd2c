import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../contracts/accounts.ts';
import { endpoints } from '../api/endpoints.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { useRefreshSession } from '../session.ts';
import { CollaborationCards } from './CollaborationPages.tsx';
import { RequireUser } from './guards.tsx';

export function DashboardPage() {
  return <RequireUser>{(me) => <Dashboard me={me} />}</RequireUser>;
}

function Dashboard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: endpoints.switchOrganisation,
    onSuccess: async (next) => {
      await refresh({ ...next, csrfToken: me.csrfToken });
      await navigate('/organisation');
    },
  });
  return (
    <div>
      <h1>{t('dashboard.title', { name: me.user.name })}</h1>
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
      {me.memberships.length > 0 && (
        <section aria-labelledby="next" className="card">
          <h2 id="next">{t('dashboard.nextTitle')}</h2>
          <ul>
            <li>
              <Link to="/organisation">{t('dashboard.nextProfile')}</Link>
            </li>
            <li>
              <Link to="/organisation/members">{t('dashboard.nextInvite')}</Link>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
