import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Workspace } from '../../../../contracts/collaborations.ts';
import { ApiError } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { CopyField } from '../../../components/CopyField.tsx';
import { useErrorText } from '../../../components/errors.ts';
import { Field } from '../../../components/Field.tsx';
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
  const [link, setLink] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const invite = useInvitePartner(id, {
    onSuccess: (r) => {
      setLink(r.link);
      setSentTo(r.sentTo);
      setEmail('');
    },
  });
  const emailError = invite.error instanceof ApiError ? invite.error.fieldError('email') : undefined;
  const leave = useLeaveCollaboration(id, { onSuccess: () => navigate('/dashboard') });
  const archive = useArchiveCollaboration(id);
  const error = (emailError ? null : invite.error) ?? leave.error ?? archive.error;
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
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              invite.mutate(email.trim() || undefined);
            }}
          >
            <Field
              label={t('notifications.invite.emailLabel')}
              hint={t('notifications.invite.emailHint')}
              error={emailError ? t('errors.field.email') : undefined}
            >
              {(props) => (
                <input
                  {...props}
                  type="email"
                  autoComplete="off"
                  value={email}
                  maxLength={254}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <p>
              <button type="submit" className="button primary" disabled={invite.isPending}>
                {t('members.inviteSubmit')}
              </button>
            </p>
          </form>
          {link && (
            <Alert kind="success">
              {sentTo && <p>{t('notifications.invite.sentTo', { email: sentTo })}</p>}
              <p>{t('members.linkReady')}</p>
              <CopyField label={t('members.copy')} value={link} />
            </Alert>
          )}
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
