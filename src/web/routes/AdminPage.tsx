import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_ROLES } from '../../contracts/values.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { AuditLogSection } from '../features/audit/AuditLogList.tsx';
import { FailedJobs } from '../features/notifications/FailedJobs.tsx';
import { useAdminUsers } from '../features/platform/hooks/useAdminUsers.ts';
import { useTogglePlatformRole } from '../features/platform/hooks/useTogglePlatformRole.ts';
import { RequireUser } from './guards.tsx';

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <RequireUser>
      {(me) =>
        me.user.platformRoles.includes('platform_admin') ? (
          <Admin />
        ) : (
          <Alert kind="error">{t('errors.forbidden')}</Alert>
        )
      }
    </RequireUser>
  );
}

function Admin() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const users = useAdminUsers(q);
  const toggle = useTogglePlatformRole(q);
  return (
    <div>
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.text')}</p>
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
        }}
      >
        <Field label={t('admin.search')}>
          {(p) => <input {...p} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
        <button type="submit" className="button">
          {t('admin.searchButton')}
        </button>
      </form>
      {(users.error ?? toggle.error) && <Alert kind="error">{errorText(users.error ?? toggle.error)}</Alert>}
      {users.data && <p className="muted">{t('admin.total', { count: users.data.total })}</p>}
      <TableWrap label={t('admin.user')}>
        <table className="table stack">
          <thead>
            <tr>
              <th scope="col">{t('admin.user')}</th>
              {PLATFORM_ROLES.map((role) => (
                <th scope="col" key={role}>
                  {t(`admin.roles.${role}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name}
                  <br />
                  <span className="muted break">{u.email}</span>
                </td>
                {PLATFORM_ROLES.map((role) => (
                  <td key={role} data-label={t(`admin.roles.${role}`)}>
                    <input
                      type="checkbox"
                      aria-label={`${t(`admin.roles.${role}`)}: ${u.name}`}
                      checked={u.platformRoles.includes(role)}
                      onChange={(e) => toggle.mutate({ userId: u.id, role, on: e.target.checked })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <FailedJobs />
      <AuditLogSection scope="platform" help={t('audit.help')} />
    </div>
  );
}
