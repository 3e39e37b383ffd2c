import { useNavigate } from 'react-router';
import type { Workspace } from '../../../../contracts/collaborations.ts';
import { Alert } from '../../../components/Alert.tsx';
import { useErrorText } from '../../../components/errors.ts';
import { InviteByLink } from '../../../components/InviteByLink.tsx';
import { useArchiveCollaboration } from '../hooks/useArchiveCollaboration.ts';
import { useInvitePartner } from '../hooks/useInvitePartner.ts';
import { useLeaveCollaboration } from '../hooks/useLeaveCollaboration.ts';
import { useCollabWords } from '../labels.ts';

/** The partner organisations; admins invite another partner, leave, or (the creator) archive. */
export function PartnersTab({ workspace }: { workspace: Workspace }) {
  const { t, date } = useCollabWords(workspace);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const id = workspace.collaboration.id;
  const invite = useInvitePartner(id);
  const leave = useLeaveCollaboration(id, { onSuccess: () => navigate('/dashboard') });
  const archive = useArchiveCollaboration(id);
  const error = leave.error ?? archive.error;
  const archived = Boolean(workspace.collaboration.archivedAt);
  return (
    <div>
      <h2>{t('collab.partnersTitle')}</h2>
      {error && <Alert kind="error">{errorText(error)}</Alert>}
      <ul className="list">
        {workspace.participants.map((p) => (
          <li key={p.organisationId} className="list-row">
            <span>
              <strong>{p.name}</strong> · {t(`organisation.types.${p.type}`)}
            </span>
            <span className="muted">
              {p.leavingOn ? (
                <strong>{t('collab.leavingOn', { date: date(p.leavingOn) })}</strong>
              ) : (
                date(p.joinedAt)
              )}
            </span>
          </li>
        ))}
      </ul>
      {workspace.us.admin && !archived && (
        <section className="card" aria-labelledby="invite-partner">
          <h3 id="invite-partner">{t('collab.invitePartner')}</h3>
          <p>{t('collab.invitePartnerHelp')}</p>
          <InviteByLink
            invite={invite}
            submitLabel={t('members.inviteSubmit')}
            readyText={t('members.linkReady')}
          />
        </section>
      )}
      {workspace.us.admin && !archived && (
        <p className="actions">
          <button
            type="button"
            className="button danger"
            onClick={() => window.confirm(t('collab.leaveConfirm')) && leave.mutate()}
          >
            {t('collab.leave')}
          </button>
          {workspace.us.creator && (
            <button
              type="button"
              className="button danger"
              onClick={() => window.confirm(t('collab.archiveConfirm')) && archive.mutate()}
            >
              {t('collab.archive')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
