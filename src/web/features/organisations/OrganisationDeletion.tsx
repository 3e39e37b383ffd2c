import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../contracts/organisations.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { useOrganisationDeletion } from './hooks/useOrganisationDeletion.ts';

/**
 * Deleting the organisation, for admins: confirmed by typing its name, carried out after 30 days, and
 * cancellable until then.
 */
export function OrganisationDeletion({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const deletion = useOrganisationDeletion();
  const [typed, setTyped] = useState('');
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(iso));
  return (
    <section aria-labelledby="organisation-deletion" className="card danger-zone">
      <h2 id="organisation-deletion">{t('organisation.deleteTitle')}</h2>
      {deletion.error && <Alert kind="error">{errorText(deletion.error)}</Alert>}
      {organisation.deletionDueAt ? (
        <>
          <Alert kind="info">
            {t('organisation.deletePending', { date: date(organisation.deletionDueAt) })}
          </Alert>
          <button
            type="button"
            className="button primary"
            onClick={() => deletion.mutate('cancel')}
            disabled={deletion.isPending}
          >
            {t('organisation.deleteCancel')}
          </button>
        </>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            deletion.mutate('request');
          }}
        >
          {deletion.isSuccess && deletion.variables === 'cancel' && (
            <Alert kind="success">{t('organisation.deleteCancelled')}</Alert>
          )}
          <p>{t('organisation.deleteHelp')}</p>
          <Field label={t('organisation.deleteConfirmLabel')}>
            {(f) => (
              <input {...f} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            )}
          </Field>
          <button
            type="submit"
            className="button danger"
            disabled={typed.trim() !== organisation.name.trim() || deletion.isPending}
          >
            {t('organisation.deleteButton')}
          </button>
        </form>
      )}
    </section>
  );
}
