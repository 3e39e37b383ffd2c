import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { Alert } from './Alert.tsx';
import { CopyField } from './CopyField.tsx';
import { useErrorText } from './errors.ts';
import { Field } from './Field.tsx';

type Invitation = { link: string; sentTo: string | null };

/**
 * Makes an invitation link, optionally also sent to a contact's address, and shows it to copy. Used for partner
 * and programme invitations alike; `invite` is the mutation that makes one.
 */
export function InviteByLink({
  invite,
  submitLabel,
  readyText,
}: {
  invite: {
    mutate: (email: string | undefined, options: { onSuccess: (invitation: Invitation) => void }) => void;
    isPending: boolean;
    error: unknown;
  };
  submitLabel: string;
  readyText?: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [made, setMade] = useState<Invitation | null>(null);
  const emailError = invite.error instanceof ApiError ? invite.error.fieldError('email') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(email.trim() || undefined, {
      onSuccess: (invitation) => {
        setMade(invitation);
        setEmail('');
      },
    });
  };
  return (
    <>
      <form className="form" noValidate onSubmit={submit}>
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
            {submitLabel}
          </button>
        </p>
      </form>
      {Boolean(invite.error) && !emailError && <Alert kind="error">{errorText(invite.error)}</Alert>}
      {made && (
        <Alert kind="success">
          {made.sentTo && <p>{t('notifications.invite.sentTo', { email: made.sentTo })}</p>}
          {readyText && <p>{readyText}</p>}
          <CopyField label={t('members.copy')} value={made.link} />
        </Alert>
      )}
    </>
  );
}
