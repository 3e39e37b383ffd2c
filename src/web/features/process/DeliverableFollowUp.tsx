import { useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { DeliverableId } from '../../../domain/process/index.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useCreateAction } from '../collaborations/hooks/useCreateAction.ts';
import { useCreateAgreement } from '../collaborations/hooks/useCreateAgreement.ts';
import { useCollabWords } from '../collaborations/labels.ts';
import { ActionList } from '../collaborations/TopicPanel.tsx';

/**
 * The actions and agreements of one deliverable: the same ones as on the actions and agreements tabs, where
 * they are listed with the wheel's, so nothing agreed here is kept apart.
 */
export function DeliverableFollowUp({
  workspace,
  deliverableId,
}: {
  workspace: Workspace;
  deliverableId: DeliverableId;
}) {
  const { t, date } = useCollabWords(workspace);
  const errorText = useErrorText();
  const collaborationId = workspace.collaboration.id;
  const actions = workspace.actions.filter((a) => a.deliverableId === deliverableId);
  const agreements = workspace.agreements.filter((a) => a.deliverableId === deliverableId);
  const [action, setAction] = useState({ text: '', dueDate: '' });
  const [agreement, setAgreement] = useState('');
  const createAction = useCreateAction(collaborationId, {
    onSuccess: () => setAction({ text: '', dueDate: '' }),
  });
  const createAgreement = useCreateAgreement(collaborationId, { onSuccess: () => setAgreement('') });
  const archived = Boolean(workspace.collaboration.archivedAt);
  const id = `follow-up-${deliverableId}`;
  return (
    <section className="deliverable-follow-up" aria-labelledby={id}>
      <h5 id={id}>{t('process.followUp')}</h5>
      {agreements.length > 0 && (
        <ul className="small">
          {agreements.map((a) => (
            <li key={a.id}>
              <span className="pre-wrap">{a.text}</span> <span className="muted">({date(a.agreedOn)})</span>
            </li>
          ))}
        </ul>
      )}
      <ActionList workspace={workspace} actions={actions} />
      {!archived && (
        <div className="follow-up-forms">
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (action.text.trim())
                createAction.mutate({
                  deliverableId,
                  text: action.text.trim(),
                  dueDate: action.dueDate || null,
                });
            }}
          >
            <label>
              {t('process.newAction')}
              <input
                value={action.text}
                maxLength={2000}
                onChange={(e) => setAction({ ...action, text: e.target.value })}
              />
            </label>
            <label>
              {t('process.actionDue')}
              <input
                type="date"
                min="1900-01-01"
                max="2100-12-31"
                value={action.dueDate}
                onChange={(e) => setAction({ ...action, dueDate: e.target.value })}
              />
            </label>
            <button
              type="submit"
              className="button small"
              disabled={createAction.isPending || !action.text.trim()}
            >
              {t('process.addAction')}
            </button>
          </form>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (agreement.trim()) createAgreement.mutate({ deliverableId, text: agreement.trim() });
            }}
          >
            <label>
              {t('process.newAgreement')}
              <input value={agreement} maxLength={4000} onChange={(e) => setAgreement(e.target.value)} />
            </label>
            <button
              type="submit"
              className="button small"
              disabled={createAgreement.isPending || !agreement.trim()}
            >
              {t('process.addAgreement')}
            </button>
          </form>
          {(createAction.error || createAgreement.error) && (
            <Alert kind="error">{errorText(createAction.error ?? createAgreement.error)}</Alert>
          )}
        </div>
      )}
    </section>
  );
}

/** The open actions of a step's deliverables, so the step shows what is still to be done for it. */
export function OpenStepActions({
  workspace,
  deliverableIds,
}: {
  workspace: Workspace;
  deliverableIds: string[];
}) {
  const { t, subjectName, date } = useCollabWords(workspace);
  const open = workspace.actions.filter(
    (a) => !a.done && a.deliverableId && deliverableIds.includes(a.deliverableId),
  );
  if (!open.length) return null;
  return (
    <div className="open-step-actions">
      <p className="strong">{t('process.openActions', { n: open.length })}</p>
      <ul className="small">
        {open.map((a) => (
          <li key={a.id}>
            {a.text} · {subjectName(a)}
            {a.owner ? ` · ${a.owner}` : ''}
            {a.dueDate ? ` · ${t('collab.due', { date: date(a.dueDate) })}` : ''}
            {a.overdue && <strong className="overdue"> · {t('collab.overdue')}</strong>}
          </li>
        ))}
      </ul>
    </div>
  );
}
