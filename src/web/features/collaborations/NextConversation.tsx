import { type FormEvent, useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import { ROUND_CADENCES, type RoundCadence } from '../../../domain/vocabulary.ts';
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { useSetRhythm } from './hooks/useSetRhythm.ts';
import { useCollabWords } from './labels.ts';

/** "2026-12-01T13:00:00.000Z" as the value of a datetime-local input, in the reader's own time zone. */
function localInputValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The collaboration's rhythm: when and where the partners next meet (with a calendar file), and how often they
 * hold a round. Either partner may plan it; the other sees it change live.
 */
export function NextConversation({ workspace }: { workspace: Workspace }) {
  const { t, lang, date } = useCollabWords(workspace);
  const { rhythm } = workspace.collaboration;
  const archived = Boolean(workspace.collaboration.archivedAt);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const [link, setLink] = useState('');
  const [cadence, setCadence] = useState<RoundCadence>(rhythm.cadence);
  const save = useSetRhythm(workspace.collaboration.id);
  const errorText = useErrorText();
  const next = rhythm.nextConversation;
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.fieldError(field)
      ? t(field === 'link' ? 'rhythm.linkInvalid' : 'rhythm.whenInvalid')
      : undefined;

  const open = () => {
    setWhen(next ? localInputValue(next.at) : '');
    setPlace(next?.place ?? '');
    setLink(next?.link ?? '');
    setCadence(rhythm.cadence);
    setSaved(false);
    save.reset();
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = when ? new Date(when) : null;
    if (at && Number.isNaN(at.getTime())) return;
    save.mutate(
      {
        nextConversationAt: at ? at.toISOString() : null,
        place: place.trim() || null,
        link: link.trim() || null,
        cadence,
      },
      {
        onSuccess: () => {
          setEditing(false);
          setSaved(true);
        },
      },
    );
  };
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'nl-NL', {
      hour: '2-digit',
      minute: '2-digit',
    });
  const weekday = (iso: string) =>
    new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { weekday: 'long' });
  const past = next ? new Date(next.at).getTime() < Date.now() : false;

  return (
    <section className="card next-conversation" aria-labelledby="next-conversation-title">
      <h2 id="next-conversation-title">{t('rhythm.title')}</h2>
      {saved && <Alert kind="success">{t('rhythm.saved')}</Alert>}
      {!editing && (
        <>
          {next ? (
            <div className="next-conversation-when">
              <p className="next-conversation-date">
                {t('rhythm.at', { day: weekday(next.at), date: date(next.at), time: time(next.at) })}
              </p>
              {next.place && <p>{t('rhythm.placeIs', { place: next.place })}</p>}
              {next.link && (
                <p>
                  <a href={next.link} target="_blank" rel="noopener noreferrer">
                    {t('rhythm.join')}
                  </a>
                </p>
              )}
              {past && <p className="muted">{t('rhythm.past')}</p>}
              <p className="no-print">
                <a
                  className="button small"
                  href={`/api/v1/collaborations/${workspace.collaboration.id}/next-conversation.ics?lang=${lang}`}
                  download
                >
                  {t('rhythm.addToCalendar')}
                </a>
              </p>
            </div>
          ) : (
            <p className="muted">{t('rhythm.none')}</p>
          )}
          <p>
            {t(`rhythm.cadences.${rhythm.cadence}`)}
            {rhythm.nextRoundDue && <> · {t('rhythm.nextRoundDue', { date: date(rhythm.nextRoundDue) })}</>}
          </p>
          {!archived && (
            <p className="no-print">
              <button type="button" className="button" onClick={open}>
                {next ? t('rhythm.change') : t('rhythm.plan')}
              </button>
            </p>
          )}
        </>
      )}
      {editing && (
        <form className="form" onSubmit={submit} noValidate>
          <Field
            label={t('rhythm.when')}
            hint={t('rhythm.whenHint')}
            error={fieldError('nextConversationAt')}
          >
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={when}
                min="1900-01-01T00:00"
                max="2100-12-31T23:59"
                onChange={(e) => setWhen(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('rhythm.place')} hint={t('rhythm.placeHint')}>
            {(props) => (
              <input {...props} value={place} maxLength={300} onChange={(e) => setPlace(e.target.value)} />
            )}
          </Field>
          <Field label={t('rhythm.link')} hint={t('rhythm.linkHint')} error={fieldError('link')}>
            {(props) => (
              <input
                {...props}
                type="url"
                inputMode="url"
                value={link}
                maxLength={2000}
                placeholder="https://"
                onChange={(e) => setLink(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('rhythm.cadence')} hint={t('rhythm.cadenceHint')}>
            {(props) => (
              <select {...props} value={cadence} onChange={(e) => setCadence(e.target.value as RoundCadence)}>
                {ROUND_CADENCES.map((c) => (
                  <option key={c} value={c}>
                    {t(`rhythm.cadences.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {save.error && !fieldError('link') && !fieldError('nextConversationAt') && (
            <Alert kind="error">{errorText(save.error)}</Alert>
          )}
          <div className="actions">
            <button type="submit" className="button primary" disabled={save.isPending}>
              {t('rhythm.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('rhythm.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
