import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../contracts/accounts.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { rememberInvitation } from '../session/returnTo.ts';
import { useMe } from '../session/useMe.ts';

/** Renders the page for a signed-in user; sends others to sign in and back here afterwards. */
export function RequireUser({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p aria-live="polite">{t('app.loading')}</p>;
  if (me.error) return <Alert kind="error">{errorText(me.error)}</Alert>;
  if (!me.data) {
    rememberInvitation(location.pathname);
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return <>{children(me.data)}</>;
}
