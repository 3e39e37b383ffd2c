import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreatedToken } from '../../contracts/accounts.ts';
import { PASSWORD_MIN } from '../../contracts/values.ts';
import { ApiError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { DownloadWithProgress } from '../components/DownloadWithProgress.tsx';
import { useErrorText } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { useChangePassword } from '../features/account/hooks/useChangePassword.ts';
import { useCreateToken } from '../features/account/hooks/useCreateToken.ts';
import { useDeleteAccount } from '../features/account/hooks/useDeleteAccount.ts';
import { useRevokeToken } from '../features/account/hooks/useRevokeToken.ts';
import { useSwitchOrganisation } from '../features/account/hooks/useSwitchOrganisation.ts';
import { useTokens } from '../features/account/hooks/useTokens.ts';
import { AuditLogSection } from '../features/audit/AuditLogList.tsx';
import { NotificationSettings } from '../features/notifications/NotificationSettings.tsx';
import { RequireUser } from './guards.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <RequireUser>
      {(me) => (
        <div className="narrow wide-form">
          <h1>{t('account.title')}</h1>
          <p>
            {me.user.name} · <span className="break">{me.user.email}</span>
          </p>
          <NotificationSettings />
          <PasswordForm />
          <Tokens />
          <section aria-labelledby="account-data" className="card">
            <h2 id="account-data">{t('account.dataTitle')}</h2>
            <DownloadWithProgress
              url="/api/v1/me/export.zip"
              label={t('account.dataDownload')}
              help={t('account.dataHelp')}
            />
          </section>
          <AuditLogSection scope="me" help={t('audit.helpPerson')} card />
          <DeleteAccount />
        </div>
      )}
    </RequireUser>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const empty = { currentPassword: '', newPassword: '', revokeTokens: false };
  const [form, setForm] = useState(empty);
  const [tooShort, setTooShort] = useState(false);
  const change = useChangePassword({ onSuccess: () => setForm(empty) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const short = [...form.newPassword].length < PASSWORD_MIN;
    setTooShort(short);
    if (!short) change.mutate(form);
  };
  return (
    <section aria-labelledby="password" className="card">
      <h2 id="password">{t('account.passwordTitle')}</h2>
      {change.isSuccess && (
        <Alert kind="success">
          {change.variables?.revokeTokens ? t('account.passwordChangedTokens') : t('account.passwordChanged')}
        </Alert>
      )}
      {change.error && <Alert kind="error">{errorText(change.error)}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <Field label={t('account.currentPassword')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={form.currentPassword}
              onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('account.newPassword')}
          hint={t('auth.passwordHint')}
          error={tooShort ? t('errors.field.tooShort', { min: PASSWORD_MIN }) : undefined}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.newPassword}
              onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
            />
          )}
        </Field>
        <label className="radio">
          <input
            type="checkbox"
            checked={form.revokeTokens}
            onChange={(e) => setForm({ ...form, revokeTokens: e.target.checked })}
          />
          {t('account.revokeTokens')}
        </label>
        <button type="submit" className="button primary" disabled={change.isPending}>
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}

function Tokens() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const tokens = useTokens();
  const [name, setName] = useState('');
  const [until, setUntil] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useCreateToken({
    onSuccess: (result) => {
      setCreated(result);
      setName('');
      setUntil('');
    },
  });
  // A date chosen means "through that day", in the person's own time zone.
  const expiresAt = until ? new Date(`${until}T23:59:59`).toISOString() : undefined;
  const today = new Date().toLocaleDateString('sv-SE');
  const revoke = useRevokeToken();
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <section aria-labelledby="tokens" className="card">
      <h2 id="tokens">{t('account.tokensTitle')}</h2>
      <p>{t('account.tokensText')}</p>
      {(create.error ?? revoke.error) && (
        <Alert kind="error">{errorText(create.error ?? revoke.error)}</Alert>
      )}
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate({ name: name.trim(), expiresAt });
        }}
      >
        <Field label={t('account.tokenName')}>
          {(p) => (
            <input {...p} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t('account.tokenExpiry')} hint={t('account.tokenExpiryHint')}>
          {(p) => (
            <input {...p} type="date" min={today} value={until} onChange={(e) => setUntil(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('account.createToken')}
        </button>
      </form>
      {created && (
        <Alert kind="success">
          <p>{t('account.tokenShownOnce')}</p>
          <CopyField label={t('members.copy')} value={created.secret} />
        </Alert>
      )}
      {tokens.data?.tokens.length === 0 && <p className="muted">{t('account.noTokens')}</p>}
      <ul className="list">
        {tokens.data?.tokens.map((token) => (
          <li key={token.id} className="list-row">
            <span>
              <strong>{token.name}</strong> <code>{token.prefix}…</code> ·{' '}
              {t('account.created', { date: date(token.createdAt) })} ·{' '}
              {token.lastUsedAt
                ? t('account.lastUsed', { date: date(token.lastUsedAt) })
                : t('account.neverUsed')}{' '}
              ·{' '}
              {!token.expiresAt
                ? t('account.noExpiry')
                : Date.parse(token.expiresAt) <= Date.now()
                  ? t('account.expired', { date: date(token.expiresAt) })
                  : t('account.expires', { date: date(token.expiresAt) })}
            </span>
            <button
              type="button"
              className="button small danger"
              onClick={() =>
                window.confirm(t('account.revokeConfirm', { name: token.name })) && revoke.mutate(token.id)
              }
            >
              {t('account.revoke')}
              <span className="visually-hidden">: {token.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Deleting one's account, after the password. While the person is an organisation's only admin, the answer
 * names those organisations, each with the way to its members (to make someone else admin, or delete it).
 */
function DeleteAccount() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const remove = useDeleteAccount({ onSuccess: () => navigate('/') });
  const switchTo = useSwitchOrganisation({ onSuccess: () => navigate('/organisation/members') });
  const error = remove.error instanceof ApiError ? remove.error : null;
  const blocking =
    error?.code === 'last_admin_of_organisations'
      ? ((error.body.organisations ?? []) as { id: string; name: string }[])
      : [];
  return (
    <section aria-labelledby="delete-account" className="card">
      <h2 id="delete-account">{t('account.deleteTitle')}</h2>
      <p>{t('account.deleteText')}</p>
      {remove.error && blocking.length === 0 && <Alert kind="error">{errorText(remove.error)}</Alert>}
      {blocking.length > 0 && (
        <Alert kind="error">
          <p>{t('account.lastAdminText')}</p>
          <ul>
            {blocking.map((organisation) => (
              <li key={organisation.id}>
                <button
                  type="button"
                  className="button small"
                  disabled={switchTo.isPending}
                  onClick={() => switchTo.mutate(organisation.id)}
                >
                  {t('account.openMembers', { name: organisation.name })}
                </button>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (password) remove.mutate({ password });
        }}
      >
        <Field label={t('account.deletePassword')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button danger" disabled={remove.isPending}>
          {t('account.deleteSubmit')}
        </button>
      </form>
    </section>
  );
}
