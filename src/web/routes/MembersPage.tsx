import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../contracts/accounts.ts';
import type { CreatedInvitation, MemberRole } from '../../contracts/organisations.ts';
import { ApiError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { useErrorText } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { AuditLogSection } from '../features/audit/AuditLogList.tsx';
import { useChangeMemberRole } from '../features/organisations/hooks/useChangeMemberRole.ts';
import { useCreateInvitation } from '../features/organisations/hooks/useCreateInvitation.ts';
import { useCurrentOrganisation } from '../features/organisations/hooks/useCurrentOrganisation.ts';
import { useInvitations } from '../features/organisations/hooks/useInvitations.ts';
import { useLeaveOrganisation } from '../features/organisations/hooks/useLeaveOrganisation.ts';
import { useMembers } from '../features/organisations/hooks/useMembers.ts';
import { useRemoveMember } from '../features/organisations/hooks/useRemoveMember.ts';
import { useRevokeInvitation } from '../features/organisations/hooks/useRevokeInvitation.ts';
import { RequireUser } from './guards.tsx';
import { NoOrganisation } from './OrganisationPages.tsx';

export function MembersPage() {
  return <RequireUser>{(me) => <Members me={me} />}</RequireUser>;
}

function Members({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const org = useCurrentOrganisation();
  const isAdmin = org.data?.myRole === 'admin';
  const members = useMembers({ enabled: Boolean(org.data) });
  const invitations = useInvitations({ enabled: isAdmin });
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [invite, setInvite] = useState<{ email: string; role: MemberRole }>({ email: '', role: 'member' });

  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const leave = useLeaveOrganisation({ onSuccess: () => navigate('/dashboard') });
  const createInvitation = useCreateInvitation({
    onSuccess: (result) => {
      setCreated(result);
      setInvite({ email: '', role: 'member' });
    },
  });
  const revoke = useRevokeInvitation();

  if (org.isPending) return <p>{t('app.loading')}</p>;
  if (org.error) {
    return org.error instanceof ApiError && org.error.status === 404 ? (
      <NoOrganisation />
    ) : (
      <Alert kind="error">{errorText(org.error)}</Alert>
    );
  }
  const actionError = changeRole.error ?? remove.error ?? leave.error ?? revoke.error;
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');

  const submitInvite = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    createInvitation.mutate({ email: invite.email.trim() || null, role: invite.role });
  };

  return (
    <div>
      <h1>{t('members.title', { name: org.data.name })}</h1>
      {actionError && <Alert kind="error">{errorText(actionError)}</Alert>}
      <TableWrap label={t('members.title', { name: org.data.name })}>
        <table className="table stack">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              {isAdmin && <th scope="col">{t('members.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.data?.members.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  {m.userId === me.user.id && <span className="badge">{t('members.you')}</span>}
                </td>
                <td className="break" data-label={t('members.email')}>
                  {m.email}
                </td>
                <td data-label={t('members.role')}>
                  {m.role === 'admin' ? t('dashboard.roleAdmin') : t('dashboard.roleMember')}
                </td>
                {isAdmin && (
                  <td data-label={m.userId !== me.user.id ? t('members.actions') : undefined}>
                    {m.userId !== me.user.id && (
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button small"
                          onClick={() =>
                            changeRole.mutate({
                              userId: m.userId,
                              role: m.role === 'admin' ? 'member' : 'admin',
                            })
                          }
                        >
                          {m.role === 'admin' ? t('members.makeMember') : t('members.makeAdmin')}
                          <span className="visually-hidden">: {m.name}</span>
                        </button>
                        <button
                          type="button"
                          className="button small danger"
                          onClick={() =>
                            window.confirm(t('members.removeConfirm', { name: m.name })) &&
                            remove.mutate(m.userId)
                          }
                        >
                          {t('members.remove')}
                          <span className="visually-hidden">: {m.name}</span>
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <button
          type="button"
          className="button"
          onClick={() => window.confirm(t('members.leaveConfirm')) && leave.mutate()}
        >
          {t('members.leave')}
        </button>
      </p>

      {isAdmin ? (
        <>
          <section aria-labelledby="invite" className="card">
            <h2 id="invite">{t('members.inviteTitle')}</h2>
            <p>{t('members.inviteText')}</p>
            {createInvitation.error && <Alert kind="error">{errorText(createInvitation.error)}</Alert>}
            <form onSubmit={submitInvite} className="form inline-form" noValidate>
              <Field
                label={t('members.inviteEmail')}
                error={
                  createInvitation.error instanceof ApiError && createInvitation.error.fieldError('email')
                    ? t('errors.field.email')
                    : undefined
                }
              >
                {(p) => (
                  <input
                    {...p}
                    type="email"
                    value={invite.email}
                    onChange={(e) => setInvite({ ...invite, email: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('members.inviteRole')}>
                {(p) => (
                  <select
                    {...p}
                    value={invite.role}
                    onChange={(e) => setInvite({ ...invite, role: e.target.value as MemberRole })}
                  >
                    <option value="member">{t('dashboard.roleMember')}</option>
                    <option value="admin">{t('dashboard.roleAdmin')}</option>
                  </select>
                )}
              </Field>
              <button type="submit" className="button primary" disabled={createInvitation.isPending}>
                {t('members.inviteSubmit')}
              </button>
            </form>
            {created && (
              <Alert kind="success">
                <p>{t('members.linkReady')}</p>
                <CopyField label={t('members.copy')} value={created.link} />
                {created.emailed && <p>{t('members.linkEmailed')}</p>}
              </Alert>
            )}
          </section>
          <section aria-labelledby="invitations">
            <h2 id="invitations">{t('members.invitationsTitle')}</h2>
            {invitations.data?.invitations.length === 0 && (
              <p className="muted">{t('members.noInvitations')}</p>
            )}
            <ul className="list">
              {invitations.data?.invitations.map((inv) => (
                <li key={inv.id} className="list-row">
                  <span className="break">
                    {inv.email ?? t('members.anyone')} ·{' '}
                    {inv.role === 'admin' ? t('dashboard.roleAdmin') : t('dashboard.roleMember')} ·{' '}
                    <strong>{t(`members.status.${inv.status}`)}</strong>
                    {inv.status === 'open' && (
                      <> · {t('members.validUntil', { date: date(inv.expiresAt) })}</>
                    )}
                  </span>
                  {inv.status === 'open' && (
                    <button type="button" className="button small" onClick={() => revoke.mutate(inv.id)}>
                      {t('members.withdraw')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <AuditLogSection scope="organisation" help={t('audit.help')} />
        </>
      ) : (
        <p className="muted">{t('members.onlyAdmins')}</p>
      )}
    </div>
  );
}
