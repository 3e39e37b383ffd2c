import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../../contracts/accounts.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { forgetInvitation, rememberInvitation } from '../../session/returnTo.ts';
import { useAcceptPartnerInvitation } from './hooks/useAcceptPartnerInvitation.ts';
import { useDeclinePartnerInvitation } from './hooks/useDeclinePartnerInvitation.ts';
import { usePartnerInvitation } from './hooks/usePartnerInvitation.ts';
import { useCollabWords } from './labels.ts';

/** An invitation into a collaboration, which an admin of the acting organisation accepts or declines. */
export function PartnerInvitation({ token, me }: { token: string; me: Me }) {
  const { t } = useCollabWords();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const preview = usePartnerInvitation(token);
  const [declined, setDeclined] = useState(false);
  const accept = useAcceptPartnerInvitation(token, {
    onSuccess: (r) => {
      forgetInvitation();
      void navigate(`/collaborations/${r.collaborationId}`);
    },
  });
  const decline = useDeclinePartnerInvitation(token, {
    onSuccess: () => {
      forgetInvitation();
      setDeclined(true);
    },
  });
  const here = `/partner-invitations/${token}`;
  // Remembered, so creating an organisation (or signing up again) leads back here.
  useEffect(() => rememberInvitation(here), [here]);
  const active = me.memberships.find((m) => m.organisationId === me.activeOrganisationId);
  return (
    <div className="narrow">
      <h1>{t('collab.invitationTitle')}</h1>
      {preview.isPending && <p>{t('app.loading')}</p>}
      {preview.error && <Alert kind="error">{errorText(preview.error)}</Alert>}
      {preview.data && (
        <div className="card">
          <p className="lead">
            {/* Who of which organisation invites: only the organisation once that person's account is gone. */}
            {preview.data.invitedByPerson
              ? t('collab.invitationTextBy', {
                  person: preview.data.invitedByPerson,
                  org: preview.data.invitedBy,
                  name: preview.data.collaborationName,
                })
              : t('collab.invitationText', {
                  org: preview.data.invitedBy,
                  name: preview.data.collaborationName,
                })}
          </p>
          {declined ? (
            <Alert kind="info">{t('collab.declined')}</Alert>
          ) : preview.data.status !== 'open' ? (
            <Alert kind="error">
              {t('invitation.notOpen', { status: t(`members.status.${preview.data.status}`) })}
            </Alert>
          ) : !active ? (
            <p>
              <Link to="/organisations/new">{t('dashboard.create')}</Link>
            </p>
          ) : active.role !== 'admin' ? (
            <Alert kind="info">{t('collab.adminOnly')}</Alert>
          ) : (
            <>
              <p>
                {t('nav.actingFor')} <strong>{active.name}</strong>
              </p>
              {(accept.error ?? decline.error) && (
                <Alert kind="error">{errorText(accept.error ?? decline.error)}</Alert>
              )}
              <div className="actions">
                <button
                  type="button"
                  className="button primary"
                  onClick={() => accept.mutate()}
                  disabled={accept.isPending}
                >
                  {t('collab.accept')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => decline.mutate()}
                  disabled={decline.isPending}
                >
                  {t('collab.decline')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <span hidden>{here}</span>
    </div>
  );
}
