import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../components/errors.ts';
import { useAcceptInvitation } from '../features/organisations/hooks/useAcceptInvitation.ts';
import { useInvitationPreview } from '../features/organisations/hooks/useInvitationPreview.ts';
import { forgetInvitation, rememberInvitation } from '../session/returnTo.ts';
import { useMe } from '../session/useMe.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { token = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token, {
    onSuccess: () => {
      forgetInvitation();
      void navigate('/organisation');
    },
  });
  // Remembered, so signing up from the header, or in another tab, leads back here.
  useEffect(() => rememberInvitation(`/invitations/${token}`), [token]);
  const here = `/invitations/${token}`;
  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      {preview.isPending && <p>{t('app.loading')}</p>}
      {preview.error && <Alert kind="error">{errorText(preview.error)}</Alert>}
      {preview.data && (
        <div className="card">
          <p className="lead">
            {t('invitation.text', {
              organisation: preview.data.organisationName,
              role: preview.data.role === 'admin' ? t('dashboard.roleAdmin') : t('dashboard.roleMember'),
            })}
          </p>
          {preview.data.status !== 'open' ? (
            <Alert kind="error">
              {t('invitation.notOpen', { status: t(`members.status.${preview.data.status}`) })}
            </Alert>
          ) : me.data ? (
            <>
              {accept.error && <Alert kind="error">{errorText(accept.error)}</Alert>}
              <button
                type="button"
                className="button primary"
                onClick={() => accept.mutate()}
                disabled={accept.isPending}
              >
                {t('invitation.accept')}
              </button>
            </>
          ) : (
            <>
              <p>{t('invitation.signInFirst')}</p>
              <p className="actions">
                <Link className="button primary" to={`/sign-up?next=${encodeURIComponent(here)}`}>
                  {t('nav.signUp')}
                </Link>
                <Link className="button" to={`/sign-in?next=${encodeURIComponent(here)}`}>
                  {t('nav.signIn')}
                </Link>
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
