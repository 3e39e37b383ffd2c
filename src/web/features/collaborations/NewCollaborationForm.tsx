import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { AMBITIONS } from '../../../contracts/values.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { useCreateCollaboration } from './hooks/useCreateCollaboration.ts';
import { useCollabWords } from './labels.ts';

/** Starts a collaboration of the acting organisation and opens its workspace. */
export function NewCollaborationForm() {
  const { t } = useCollabWords();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', purpose: '', startDate: '', ambition: 'transaction' });
  const [nameError, setNameError] = useState<string>();
  const create = useCreateCollaboration({
    // Straight on to inviting the partner: without one, nothing can be compared.
    onSuccess: (workspace) => navigate(`/collaborations/${workspace.collaboration.id}?tab=partners`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = !form.name.trim();
    setNameError(missing ? t('errors.field.required') : undefined);
    if (!missing)
      create.mutate({
        name: form.name,
        purpose: form.purpose.trim() || null,
        startDate: form.startDate || null,
        ambition: form.ambition as (typeof AMBITIONS)[number],
      });
  };
  return (
    <div className="narrow wide-form">
      <h1>{t('collab.newTitle')}</h1>
      {create.error && <Alert kind="error">{errorText(create.error)}</Alert>}
      <form className="card form" onSubmit={submit} noValidate>
        <Field label={t('collab.name')} error={nameError}>
          {(p) => (
            <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          )}
        </Field>
        <Field label={t('collab.purpose')}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={form.purpose}
              onChange={(e) => setForm({ ...form, purpose: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('collab.startDate')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={form.startDate}
              onChange={(e) => setForm({ ...form, startDate: e.target.value })}
            />
          )}
        </Field>
        <fieldset className="field">
          <legend>{t('collab.ambition')}</legend>
          {AMBITIONS.map((a) => (
            <label key={a} className="radio">
              <input
                type="radio"
                name="ambition"
                checked={form.ambition === a}
                onChange={() => setForm({ ...form, ambition: a })}
              />
              {t(`collab.ambitions.${a}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('collab.create')}
        </button>
      </form>
    </div>
  );
}
