import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { SignUpAccepted } from '../../contracts/accounts.ts';
import { PASSWORD_MIN } from '../../contracts/values.ts';
import { ApiError } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { Field } from '../components/Field.tsx';
import { pendingInvitation } from '../session/returnTo.ts';
import { useRequestPasswordReset, useResetPassword } from '../session/usePasswordReset.ts';
import { useSignIn } from '../session/useSignIn.ts';
import { useConfirmSignUp, useSignUp } from '../session/useSignUp.ts';

/**
 * Where to go after signing in: where the link says, else back to an invitation opened earlier (a sign-up
 * from the header carries no link), else the dashboard. Only local paths.
 */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : (pendingInvitation() ?? '/dashboard');
}

export function SignUpPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const next = useNext();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof form, string>>>({});
  const [accepted, setAccepted] = useState<(SignUpAccepted & { email: string }) | null>(null);
  const signUp = useSignUp({
    onSuccess: () => navigate(next),
    onAccepted: (answer) => setAccepted({ ...answer, email: form.email.trim() }),
    onError: (error) => {
      if (error instanceof ApiError) {
        setErrors({
          name: error.fieldError('name') && t('errors.field.invalid', { message: error.fieldError('name') }),
          email: error.fieldError('email') && t('errors.field.email'),
          password: error.fieldError('password') && t('errors.field.tooShort', { min: PASSWORD_MIN }),
        });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!form.name.trim()) found.name = t('errors.field.required');
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) found.email = t('errors.field.email');
    if ([...form.password].length < PASSWORD_MIN)
      found.password = t('errors.field.tooShort', { min: PASSWORD_MIN });
    setErrors(found);
    setAccepted(null);
    if (Object.keys(found).length === 0)
      signUp.mutate({ name: form.name.trim(), email: form.email.trim(), password: form.password });
  };

  return (
    <div className="narrow">
      <h1>{t('auth.signUpTitle')}</h1>
      {signUp.error &&
        !(signUp.error instanceof ApiError && signUp.error.details.some((d) => d.field in form)) && (
          <Alert kind="error">{errorText(signUp.error)}</Alert>
        )}
      {accepted && (
        <Alert kind="info">
          {accepted.emailSent
            ? t('auth.signUpCheckEmail', { email: accepted.email })
            : t('auth.signUpNotMade')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="card form">
        <Field label={t('auth.name')} error={errors.name}>
          {(p) => (
            <input
              {...p}
              autoComplete="name"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('auth.email')} error={errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('auth.password')} hint={t('auth.passwordHint')} error={errors.password}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          )}
        </Field>
        <button type="submit" className="button primary" disabled={signUp.isPending}>
          {t('auth.submitSignUp')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')}{' '}
        <Link to={`/sign-in${next !== '/dashboard' ? `?next=${encodeURIComponent(next)}` : ''}`}>
          {t('auth.signInLink')}
        </Link>
      </p>
    </div>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const next = useNext();
  const [form, setForm] = useState({ email: '', password: '' });
  const signIn = useSignIn({ onSuccess: () => navigate(next) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: form.email.trim(), password: form.password });
  };
  return (
    <div className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      {signIn.error && <Alert kind="error">{errorText(signIn.error)}</Alert>}
      <form onSubmit={submit} className="card form">
        <Field label={t('auth.email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              required
              autoComplete="username"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('auth.password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              required
              autoComplete="current-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          )}
        </Field>
        <button type="submit" className="button primary" disabled={signIn.isPending}>
          {t('auth.submitSignIn')}
        </button>
      </form>
      <p>
        <Link to="/password-reset">{t('auth.forgotLink')}</Link>
      </p>
      <p>
        {t('auth.noAccount')}{' '}
        <Link to={`/sign-up${next !== '/dashboard' ? `?next=${encodeURIComponent(next)}` : ''}`}>
          {t('auth.signUpLink')}
        </Link>
      </p>
    </div>
  );
}

/** Where the link in the sign-up e-mail leads: one button makes the account and signs in. */
export function ConfirmSignUpPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const confirm = useConfirmSignUp({ onSuccess: () => navigate('/dashboard') });
  return (
    <div className="narrow">
      <h1>{t('auth.confirmTitle')}</h1>
      {confirm.error && <Alert kind="error">{errorText(confirm.error)}</Alert>}
      <div className="card form">
        <p>{t('auth.confirmText')}</p>
        <button
          type="button"
          className="button primary"
          disabled={confirm.isPending}
          onClick={() => confirm.mutate(token)}
        >
          {t('auth.confirmSubmit')}
        </button>
      </div>
    </div>
  );
}

/** "Forgot your password?": asks for a link; the answer never tells whether the address has an account. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const request = useRequestPasswordReset();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : t('errors.field.email');
    setError(found);
    if (!found) request.mutate({ email: email.trim() });
  };
  return (
    <div className="narrow">
      <h1>{t('auth.resetRequestTitle')}</h1>
      {request.error && <Alert kind="error">{errorText(request.error)}</Alert>}
      {request.data && (
        <Alert kind="info">
          {request.data.emailSent
            ? t('auth.resetRequestSent', { email: request.variables?.email ?? '' })
            : t('auth.resetRequestNoMail')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="card form">
        <p>{t('auth.resetRequestText')}</p>
        <Field label={t('auth.email')} error={error}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button primary" disabled={request.isPending}>
          {t('auth.resetRequestSubmit')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('auth.signInLink')}</Link>
      </p>
    </div>
  );
}

/** Where a reset link leads: choose a new password; afterwards every session has ended, so sign in again. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reset = useResetPassword(token);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found =
      [...password].length < PASSWORD_MIN ? t('errors.field.tooShort', { min: PASSWORD_MIN }) : undefined;
    setError(found);
    if (!found) reset.mutate({ password });
  };
  const linkBroken =
    reset.error instanceof ApiError && ['link_used', 'link_expired', 'not_found'].includes(reset.error.code);
  if (reset.isSuccess)
    return (
      <div className="narrow">
        <h1>{t('auth.resetTitle')}</h1>
        <Alert kind="success">{t('auth.resetDone')}</Alert>
        <p>
          <Link to="/sign-in">{t('auth.resetSignIn')}</Link>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>{t('auth.resetTitle')}</h1>
      {reset.error && (
        <Alert kind="error">
          {errorText(reset.error)} {linkBroken && <Link to="/password-reset">{t('auth.resetAgain')}</Link>}
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="card form">
        <p>{t('auth.resetText')}</p>
        <Field label={t('auth.newPassword')} hint={t('auth.passwordHint')} error={error}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button primary" disabled={reset.isPending}>
          {t('auth.resetSubmit')}
        </button>
      </form>
    </div>
  );
}
