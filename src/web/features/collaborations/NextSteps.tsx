import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../contracts/accounts.ts';
import type { CollaborationSummary } from '../../../contracts/collaborations.ts';
import { type NextStep, nextSteps } from '../../../domain/guidance/next-steps.ts';

/** Where a step leads: a page, or a collaboration opened on the tab that does it. */
function target(step: NextStep): string {
  const at = (id: string, tab: string) => `/collaborations/${id}?tab=${tab}`;
  switch (step.kind) {
    case 'create-organisation':
      return '/organisations/new';
    case 'choose-organisation':
      return '#orgs';
    case 'start-collaboration':
      return '/collaborations/new';
    case 'overdue-actions':
      return at(step.collaborationId, 'actions');
    case 'answer':
      return at(step.collaborationId, 'wheel');
    case 'invite-partner':
      return at(step.collaborationId, 'partners');
    case 'plan-conversation':
      return at(step.collaborationId, 'agenda');
    case 'waiting':
      return at(step.collaborationId, 'wheel');
    case 'programmes':
      return '/programmes';
    case 'admin':
      return '/admin';
  }
}

/** The dashboard's "Wat nu?", from the person's real state (src/domain/guidance/next-steps.ts). */
export function NextSteps({ me, collaborations }: { me: Me; collaborations: CollaborationSummary[] }) {
  const { t } = useTranslation();
  const steps = nextSteps({
    organisations: me.memberships.length,
    activeOrganisation: Boolean(me.activeOrganisationId),
    platformRoles: me.user.platformRoles,
    collaborations: collaborations.map((c) => ({
      id: c.id,
      name: c.name,
      partners: c.partners.length,
      archived: Boolean(c.archivedAt),
      roundRevealed: c.roundRevealed,
      weSubmitted: c.weSubmitted,
      openActions: c.openActions,
      overdueActions: c.overdueActions,
    })),
  });
  return (
    <section aria-labelledby="next" className="card next-steps">
      <h2 id="next">{t('dashboard.nextTitle')}</h2>
      <ol>
        {steps.map((step) => {
          const values = 'name' in step ? { name: step.name, count: 'count' in step ? step.count : 0 } : {};
          const key = `${step.kind}-${'collaborationId' in step ? step.collaborationId : ''}`;
          return (
            <li key={key}>
              {step.kind === 'waiting' ? (
                <span>
                  {t(`dashboard.next.${step.kind}`, values)}{' '}
                  <Link to={target(step)}>{t('dashboard.next.open')}</Link>
                </span>
              ) : (
                <Link to={target(step)}>{t(`dashboard.next.${step.kind}`, values)}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
