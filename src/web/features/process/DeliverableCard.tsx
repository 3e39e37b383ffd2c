import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { ChangeDto, Deliverable, ProcessView } from '../../../contracts/process.ts';
import { partneringProcess } from '../../../domain/instrument/process.ts';
import {
  DELIVERABLE_FORMS,
  type DeliverableId,
  fromFormValues,
  toFormValues,
} from '../../../domain/process/index.ts';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useTranslate } from '../../i18n/index.ts';
import { useCollabWords } from '../collaborations/labels.ts';
import { ActorsMap } from './ActorsMap.tsx';
import { AmbitionsBeside } from './AmbitionsBeside.tsx';
import { DeliverableFollowUp } from './DeliverableFollowUp.tsx';
import { DeliverableForm } from './DeliverableForm.tsx';
import { useDeliverableVersions, useProcessChange } from './hooks/useProcess.ts';

const ACTIVITIES = new Map(partneringProcess.steps.flatMap((s) => s.activities.map((a) => [a.id, a])));

/** A deliverable: its state and who agreed, the form to fill in with the guide beside it, and its history. */
export function DeliverableCard(props: {
  workspace: Workspace;
  view: ProcessView;
  deliverable: Deliverable;
}) {
  const { workspace, view, deliverable } = props;
  const { t, orgName, date } = useCollabWords(workspace);
  const { lang } = useTranslate();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState(false);
  const id = deliverable.id as DeliverableId;
  const activity = ACTIVITIES.get(id)!;
  const collaborationId = workspace.collaboration.id;
  const us = workspace.us.organisationId;
  const editable = view.cycle.editable;
  const signedByUs = deliverable.signOffs.some((s) => s.organisationId === us);
  const headingId = `deliverable-${id}`;

  const signOff = useProcessChange(collaborationId, (version: number) =>
    unwrap(
      api.POST('/collaborations/{id}/process/deliverables/{deliverableId}/sign-off', {
        params: { path: { id: collaborationId, deliverableId: id } },
        body: { version },
      }),
    ),
  );
  const withdraw = useProcessChange(collaborationId, () =>
    unwrap(
      api.DELETE('/collaborations/{id}/process/deliverables/{deliverableId}/sign-off', {
        params: { path: { id: collaborationId, deliverableId: id } },
      }),
    ),
  );

  return (
    <article className={`card deliverable state-${deliverable.state}`} aria-labelledby={headingId}>
      <div className="deliverable-head">
        <h4 id={headingId}>{activity.label[lang]}</h4>
        <span className={`badge badge-${deliverable.state}`}>{t(`process.state.${deliverable.state}`)}</span>
      </div>
      <p className="muted">{activity.objective[lang]}</p>
      {deliverable.state !== 'empty' && (
        <p className="small">
          {deliverable.signOffs.length > 0 &&
            t('process.signedBy', {
              list: deliverable.signOffs
                .map(
                  (s) =>
                    `${orgName(s.organisationId)}${s.signedBy ? ` (${s.signedBy}, ${date(s.signedAt)})` : ''}`,
                )
                .join('; '),
            })}{' '}
          {deliverable.waitingFor.length > 0 &&
            t('process.waitingFor', { list: deliverable.waitingFor.map(orgName).join(', ') })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('process.close') : editable ? t('process.open') : t('process.read')}
        </button>
        {editable && deliverable.state === 'draft' && !signedByUs && (
          <button
            type="button"
            className="button primary"
            disabled={signOff.isPending}
            onClick={() => signOff.mutate(deliverable.version)}
          >
            {t('process.signOff')}
          </button>
        )}
        {editable && signedByUs && (
          <button
            type="button"
            className="button"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate()}
          >
            {t('process.withdrawSignOff')}
          </button>
        )}
        {deliverable.version > 0 && (
          <button
            type="button"
            className="button"
            aria-expanded={history}
            onClick={() => setHistory(!history)}
          >
            {t('process.versions', { n: deliverable.version })}
          </button>
        )}
      </div>
      {(signOff.error || withdraw.error) && (
        <Alert kind="error">{errorText(signOff.error ?? withdraw.error)}</Alert>
      )}
      {open && (
        <DeliverableEditor
          // Kept while the version changes: what the person typed stays, and a partner's save in between is
          // answered by the server (409) with the edit-conflict message rather than replacing the typing.
          key={view.cycle.number}
          workspace={workspace}
          view={view}
          deliverable={deliverable}
          onSaved={() => setOpen(true)}
        />
      )}
      {open && view.cycle.current && <DeliverableFollowUp workspace={workspace} deliverableId={id} />}
      {history && (
        <VersionList workspace={workspace} view={view} deliverableId={id} current={deliverable.version} />
      )}
    </article>
  );
}

function DeliverableEditor(props: {
  workspace: Workspace;
  view: ProcessView;
  deliverable: Deliverable;
  onSaved: () => void;
}) {
  const { workspace, view, deliverable } = props;
  const { t } = useTranslation();
  const { lang } = useTranslate();
  const errorText = useErrorText();
  const id = deliverable.id as DeliverableId;
  const activity = ACTIVITIES.get(id)!;
  const collaborationId = workspace.collaboration.id;
  const [values, setValues] = useState(() => toFormValues(id, deliverable.content));
  /** The version this editor started from, or last saved itself. */
  const [baseVersion, setBaseVersion] = useState(deliverable.version);
  const [saved, setSaved] = useState(false);
  const save = useProcessChange(collaborationId, () =>
    unwrap(
      api.PUT('/collaborations/{id}/process/deliverables/{deliverableId}', {
        params: { path: { id: collaborationId, deliverableId: id } },
        body: { baseVersion, content: fromFormValues(id, values) },
      }),
    ),
  );
  const error = save.error instanceof ApiError ? save.error : null;
  const readOnly = !view.cycle.editable;
  const content = fromFormValues(id, values);
  return (
    <div className="deliverable-editor">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate(undefined, {
            onSuccess: (next) => {
              setBaseVersion(next.deliverables.find((d) => d.id === id)?.version ?? baseVersion);
              setSaved(true);
            },
          });
        }}
      >
        <DeliverableForm
          deliverableId={id}
          values={values}
          onChange={(v) => {
            setSaved(false);
            setValues(v);
          }}
          partners={view.partners}
          readOnly={readOnly}
          fieldError={(field) => error?.fieldError(field)}
        />
        {id === 'actors-map' && <ActorsMap content={content} />}
        {id === 'key-impacts' && (
          <AmbitionsBeside
            workspace={workspace}
            values={values}
            readOnly={readOnly}
            onUse={(level, text) => {
              const now = String(values[level] ?? '').trim();
              setSaved(false);
              setValues({ ...values, [level]: now ? `${now}\n${text}` : text });
            }}
          />
        )}
        {save.error && (
          <Alert kind="error">
            {error?.code === 'edit_conflict' ? t('process.editConflict') : errorText(save.error)}
          </Alert>
        )}
        {saved && <Alert kind="success">{t('process.savedDraft')}</Alert>}
        {!readOnly && (
          <div className="actions">
            <button type="submit" className="button primary" disabled={save.isPending}>
              {save.isPending ? t('process.saving') : t('process.save')}
            </button>
            {DELIVERABLE_FORMS[id].fields.length > 0 && (
              <span className="muted small">{t('process.saveHint')}</span>
            )}
          </div>
        )}
      </form>
      {activity.tools && activity.tools.length > 0 && (
        <aside className="guide-aside" aria-label={t('process.tools')}>
          <h5>{t('process.tools')}</h5>
          <ul className="small">
            {activity.tools.map((tool) => (
              <li key={tool.en}>{tool[lang]}</li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}

function VersionList(props: {
  workspace: Workspace;
  view: ProcessView;
  deliverableId: DeliverableId;
  current: number;
}) {
  const { workspace, view, deliverableId, current } = props;
  const { t, orgName, date } = useCollabWords(workspace);
  const errorText = useErrorText();
  const collaborationId = workspace.collaboration.id;
  const query = useDeliverableVersions(collaborationId, deliverableId, view.cycle.number);
  // Undo: an earlier version put back as the newest, so the history keeps every step and partners agree again.
  const restore = useProcessChange(collaborationId, (content: Record<string, unknown>) =>
    unwrap(
      api.PUT('/collaborations/{id}/process/deliverables/{deliverableId}', {
        params: { path: { id: collaborationId, deliverableId } },
        body: { baseVersion: current, content },
      }),
    ),
  );
  if (query.isPending) return <p className="muted">{t('process.loading')}</p>;
  if (!query.data) return null;
  return (
    <ul className="version-list" aria-label={t('process.versionHistory')}>
      {restore.error && (
        <li>
          <Alert kind="error">{errorText(restore.error)}</Alert>
        </li>
      )}
      {query.data.versions.map((v) => (
        <li key={v.version}>
          <p className="small strong">
            {t('process.versionLine', {
              n: v.version,
              who:
                [v.changedBy, v.organisationId ? orgName(v.organisationId) : null]
                  .filter(Boolean)
                  .join(', ') || '?',
              when: date(v.changedAt),
            })}
            {view.cycle.editable && v.version !== current && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate(v.content)}
                >
                  {t('process.restoreVersion', { n: v.version })}
                </button>
              </>
            )}
          </p>
          {v.changes.length === 0 ? (
            <p className="small muted">{t('process.noChanges')}</p>
          ) : (
            <ul className="small">
              {v.changes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: changes are listed in a fixed order
                <li key={i}>
                  <ChangeLine deliverableId={deliverableId} change={c} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One change in words: "Root causes: added 'Fear of losing the benefit'". */
function ChangeLine({ deliverableId, change }: { deliverableId: DeliverableId; change: ChangeDto }) {
  const { t } = useTranslation();
  const { lang } = useTranslate();
  const field = DELIVERABLE_FORMS[deliverableId].fields.find((f) => f.id === change.field);
  const name = field?.label[lang] ?? change.field;
  const quote = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : `“${String(v)}”`);
  switch (change.kind) {
    case 'set':
    case 'cleared':
    case 'changed':
      return (
        <>
          {t(`process.change.${change.kind}`, {
            field: name,
            before: quote(change.before),
            after: quote(change.after),
          })}
        </>
      );
    case 'added':
    case 'removed':
      return <>{t(`process.change.${change.kind}`, { field: name, item: quote(change.item) })}</>;
    case 'row-added':
    case 'row-removed':
      return (
        <>
          {t(`process.change.${change.kind}`, {
            field: name,
            row: change.row,
            summary: quote(change.summary),
          })}
        </>
      );
    default: {
      const columns = field?.kind === 'table' ? field.columns : [];
      return (
        <>
          {t('process.change.row-changed', {
            field: name,
            row: change.row,
            summary: quote(change.summary),
            changes: change.columns
              .map(
                (c) =>
                  `${columns.find((x) => x.id === c.column)?.label[lang] ?? c.column}: ${quote(c.before)} → ${quote(c.after)}`,
              )
              .join('; '),
          })}
        </>
      );
    }
  }
}
