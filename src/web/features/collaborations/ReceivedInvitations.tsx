import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../contracts/accounts.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import {
  useAnswerReceivedInvitation,
  useJoinReceivedProgramme,
  useReceivedInvitations,
  useReceivedProgrammeInvitations,
} from './hooks/useReceivedInvitations.ts';

/**
 * Partner invitations sent to the person's address, answered here without the link: an admin of the
 * organisation they act for accepts or declines; others are told who can.
 */
export function ReceivedInvitations({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [declined, setDeclined] = useState(false);
  const received = useReceivedInvitations();
  const answer = useAnswerReceivedInvitation({
    onAccepted: (id) => navigate(`/collaborations/${id}?tab=wheel`),
  });
  const programmes = useReceivedProgrammeInvitations();
  const join = useJoinReceivedProgramme({ onJoined: () => navigate('/organisation') });
  const invitations = received.data?.invitations ?? [];
  const programmeInvitations = programmes.data?.invitations ?? [];
  const count = invitations.length + programmeInvitations.length;
  if (count === 0 && !declined) return null;
  const active = me.memberships.find((m) => m.organisationId === me.activeOrganisationId);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <section aria-labelledby="received-invitations" className="card">
      <h2 id="received-invitations">{t('notifications.received.title')}</h2>
      {declined && <Alert kind="success">{t('notifications.received.declined')}</Alert>}
      {(answer.error ?? join.error) && <Alert kind="error">{errorText(answer.error ?? join.error)}</Alert>}
      {!active && count > 0 && <p>{t('notifications.received.noOrganisation')}</p>}
      {active && active.role !== 'admin' && count > 0 && <p>{t('notifications.received.adminOnly')}</p>}
      <ul className="list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="list-row">
            <span>
              {t('notifications.received.from', {
                org: invitation.invitedBy,
                collaboration: invitation.collaborationName,
                date: date(invitation.expiresAt),
              })}
            </span>
            {active?.role === 'admin' && (
              <span className="actions">
                <button
                  type="button"
                  className="button primary small"
                  disabled={answer.isPending}
                  onClick={() => answer.mutate({ id: invitation.id, accept: true })}
                  aria-label={`${t('notifications.received.accept')}: ${invitation.collaborationName}`}
                >
                  {t('notifications.received.accept')}
                </button>
                <button
                  type="button"
                  className="button small"
                  disabled={answer.isPending}
                  onClick={() =>
                    answer.mutate(
                      { id: invitation.id, accept: false },
                      { onSuccess: () => setDeclined(true) },
                    )
                  }
                  aria-label={`${t('notifications.received.decline')}: ${invitation.collaborationName}`}
                >
                  {t('notifications.received.decline')}
                </button>
              </span>
            )}
          </li>
        ))}
        {programmeInvitations.map((invitation) => (
          <li key={invitation.id} className="list-row">
            <span>
              {t('notifications.received.programme', {
                programme: invitation.programmeName,
                date: date(invitation.expiresAt),
              })}
            </span>
            {active?.role === 'admin' && (
              <button
                type="button"
                className="button primary small"
                disabled={join.isPending}
                onClick={() => join.mutate(invitation.id)}
                aria-label={`${t('notifications.received.join')}: ${invitation.programmeName}`}
              >
                {t('notifications.received.join')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
