import { useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { CreatePilotBody, Pilot, ProcessView } from '../../../contracts/process.ts';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { useCollabWords } from '../collaborations/labels.ts';
import { useProcessChange } from './hooks/useProcess.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** The guide's pilots run a few months: a new one is proposed from today for three months. */
function defaultPeriod() {
  const start = new Date();
  const end = new Date(start);
  end.setMonth(end.getMonth() + 3);
  return { startsOn: isoDate(start), endsOn: isoDate(end) };
}

/** The pilots of the cycle: each with its plan, period, participants and results. */
export function PilotsPanel(props: { workspace: Workspace; view: ProcessView }) {
  const { workspace, view } = props;
  const { t } = useCollabWords(workspace);
  const [adding, setAdding] = useState(false);
  return (
    <section className="card pilots" aria-labelledby="pilots-title">
      <h4 id="pilots-title">{t('process.pilots')}</h4>
      {view.pilots.length === 0 && <p className="muted">{t('process.pilotsEmpty')}</p>}
      {view.pilots.map((p) => (
        <PilotItem key={p.id} workspace={workspace} view={view} pilot={p} />
      ))}
      {view.cycle.editable &&
        (adding ? (
          <PilotForm workspace={workspace} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('process.addPilot')}
          </button>
        ))}
    </section>
  );
}

function PilotItem({ workspace, view, pilot }: { workspace: Workspace; view: ProcessView; pilot: Pilot }) {
  const { t, date } = useCollabWords(workspace);
  const [editing, setEditing] = useState(false);
  if (editing) return <PilotForm workspace={workspace} pilot={pilot} onDone={() => setEditing(false)} />;
  return (
    <div className="pilot">
      <p>
        <strong>{pilot.title}</strong>{' '}
        <span className={`badge badge-${pilot.status}`}>{t(`process.pilotStatus.${pilot.status}`)}</span>
      </p>
      <p className="small muted">
        {date(pilot.startsOn)} – {date(pilot.endsOn)}
      </p>
      {pilot.participants && (
        <p className="small pre-wrap">
          <strong>{t('process.pilotParticipants')}:</strong> {pilot.participants}
        </p>
      )}
      {pilot.plan && (
        <p className="small pre-wrap">
          <strong>{t('process.pilotPlan')}:</strong> {pilot.plan}
        </p>
      )}
      {pilot.results && (
        <p className="small pre-wrap">
          <strong>{t('process.pilotResults')}:</strong> {pilot.results}
        </p>
      )}
      {view.cycle.editable && (
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          {t('process.editPilot', { title: pilot.title })}
        </button>
      )}
    </div>
  );
}

function PilotForm({
  workspace,
  pilot,
  onDone,
}: {
  workspace: Workspace;
  pilot?: Pilot;
  onDone: () => void;
}) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const collaborationId = workspace.collaboration.id;
  const [form, setForm] = useState<CreatePilotBody>(() =>
    pilot
      ? {
          title: pilot.title,
          startsOn: pilot.startsOn,
          endsOn: pilot.endsOn,
          plan: pilot.plan ?? '',
          participants: pilot.participants ?? '',
          results: pilot.results ?? '',
        }
      : { title: '', plan: '', participants: '', results: '', ...defaultPeriod() },
  );
  const body = () => ({
    ...form,
    plan: form.plan?.trim() || null,
    participants: form.participants?.trim() || null,
    results: form.results?.trim() || null,
  });
  const save = useProcessChange(collaborationId, () =>
    pilot
      ? unwrap(
          api.PATCH('/collaborations/{id}/process/pilots/{pilotId}', {
            params: { path: { id: collaborationId, pilotId: pilot.id } },
            body: body(),
          }),
        )
      : unwrap(
          api.POST('/collaborations/{id}/process/pilots', {
            params: { path: { id: collaborationId } },
            body: body(),
          }),
        ),
  );
  const remove = useProcessChange(collaborationId, () =>
    unwrap(
      api.DELETE('/collaborations/{id}/process/pilots/{pilotId}', {
        params: { path: { id: collaborationId, pilotId: pilot!.id } },
      }),
    ),
  );
  const error = save.error instanceof ApiError ? save.error : null;
  const text = (key: 'plan' | 'participants' | 'results', rows = 3) => (
    <Field
      label={t(`process.pilot${key[0]!.toUpperCase()}${key.slice(1)}` as 'process.pilotPlan')}
      error={error?.fieldError(key)}
    >
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          value={form[key] ?? ''}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form
      className="pilot-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <Field label={t('process.pilotTitle')} error={error?.fieldError('title')}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={200}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        )}
      </Field>
      <div className="field-row">
        <Field label={t('process.pilotStarts')} error={error?.fieldError('startsOn')}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={form.startsOn}
              onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('process.pilotEnds')}
          hint={t('process.pilotEndsHint')}
          error={error?.fieldError('endsOn')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={form.endsOn}
              onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
            />
          )}
        </Field>
      </div>
      {text('participants', 2)}
      {text('plan')}
      {text('results')}
      {(save.error || remove.error) && <Alert kind="error">{errorText(save.error ?? remove.error)}</Alert>}
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {t('process.savePilot')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('collab.cancel')}
        </button>
        {pilot && (
          <button
            type="button"
            className="button danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('process.removePilotConfirm', { title: pilot.title })))
                remove.mutate(undefined, { onSuccess: onDone });
            }}
          >
            {t('process.removePilot')}
          </button>
        )}
      </div>
    </form>
  );
}
