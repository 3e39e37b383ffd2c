import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Agreement, RatingValue, SaveAnswerBody, Workspace } from '../../../contracts/collaborations.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { flushAll, queueSave, unsavedValue, useAutosaveStatus } from '../../session/autosave.ts';
import { useAgreementApproval } from './hooks/useAgreementApproval.ts';
import { useCreateAction } from './hooks/useCreateAction.ts';
import { useCreateAgreement } from './hooks/useCreateAgreement.ts';
import { useDeleteAgreement } from './hooks/useDeleteAgreement.ts';
import { useSaveAnswer } from './hooks/useSaveAnswer.ts';
import { useToggleAction } from './hooks/useToggleAction.ts';
import { useUpdateAgreement } from './hooks/useUpdateAgreement.ts';
import { topicById, useCollabWords } from './labels.ts';

const RATING_OPTIONS: Exclude<RatingValue, null>[] = [1, 2, 3, 4, 'nr'];

export function TopicPanel({
  workspace,
  topicId,
  onSelect,
}: {
  workspace: Workspace;
  topicId: string;
  /** Moves to another topic (previous / next, in the wheel's order). */
  onSelect: (topicId: string) => void;
}) {
  const { t, lang, orgName, rating, topicName } = useCollabWords(workspace);
  const topic = topicById(topicId)!;
  const panel = useRef<HTMLElement>(null);
  // On a phone the panel sits below the wheel: bring a newly opened topic into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs again for each newly opened topic.
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const top = element.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) {
      const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      element.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    }
  }, [topicId]);
  const index = wheel.topics.findIndex((x) => x.id === topicId);
  const before = wheel.topics[(index + wheel.topics.length - 1) % wheel.topics.length]!;
  const after = wheel.topics[(index + 1) % wheel.topics.length]!;
  const round = workspace.currentRound;
  const us = workspace.us.organisationId;
  const archived = Boolean(workspace.collaboration.archivedAt);
  const weSubmitted = round.status.find((s) => s.organisationId === us)?.submitted ?? false;
  const editable = !round.revealedAt && !weSubmitted && !archived;
  const ours = round.answers.find((a) => a.organisationId === us && a.topicId === topicId);
  const previous = workspace.previousRound?.answers.filter((a) => a.topicId === topicId) ?? [];

  return (
    <section ref={panel} className="topic-panel card" aria-labelledby="topic-title">
      <nav className="topic-steps no-print" aria-label={t('collab.topicSteps')}>
        <button type="button" className="link-button" onClick={() => onSelect(before.id)}>
          <span aria-hidden="true">← </span>
          {t('collab.previousTopic', { topic: topicName(before.id) })}
        </button>
        <span className="muted">{t('collab.topicOf', { n: index + 1, total: wheel.topics.length })}</span>
        <button type="button" className="link-button" onClick={() => onSelect(after.id)}>
          {t('collab.nextTopic', { topic: topicName(after.id) })}
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
      <p className="eyebrow">
        {t(`collab.domains.${topic.domain}`)} · {t(`collab.stages.${topic.stage}`)}
      </p>
      <h2 id="topic-title" tabIndex={-1}>
        {topic.label[lang]}
      </h2>
      <p className="question">{topic.question[lang]}</p>

      {editable ? (
        <AnswerForm key={`${topicId}-${round.number}`} workspace={workspace} topicId={topicId} />
      ) : round.revealedAt ? (
        <table className="table answers">
          <caption className="visually-hidden">{t('collab.everyone')}</caption>
          <tbody>
            {[
              ...workspace.participants,
              // A partner that left is shown only where it submitted an answer before leaving.
              ...workspace.formerParticipants.filter((p) =>
                round.answers.some((x) => x.organisationId === p.organisationId),
              ),
            ].map((p) => {
              const a = round.answers.find(
                (x) => x.organisationId === p.organisationId && x.topicId === topicId,
              );
              return (
                <tr key={p.organisationId}>
                  <th scope="row">{orgName(p.organisationId)}</th>
                  <td>
                    <strong>{rating(a?.rating)}</strong>
                    {a?.answer && <p className="pre-wrap">{a.answer}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <>
          <p>
            <strong>{rating(ours?.rating)}</strong>
          </p>
          {ours?.answer && <p className="pre-wrap">{ours.answer}</p>}
          {weSubmitted && <p className="muted">{t('collab.lockedSubmitted')}</p>}
        </>
      )}

      {previous.length > 0 && workspace.previousRound && (
        <details className="previous">
          <summary>
            {t('collab.previousAnswer', {
              n: workspace.previousRound.number,
              rating: rating(previous.find((a) => a.organisationId === us)?.rating),
            })}
          </summary>
          <ul>
            {previous.map((a) => (
              <li key={a.organisationId}>
                {orgName(a.organisationId)}: {rating(a.rating)}
                {a.answer ? ` — ${a.answer}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}

      {!round.revealedAt && !archived && <p className="hint">{t('collab.followUpAfterReveal')}</p>}
      <Agreements workspace={workspace} topicId={topicId} />
      <TopicActions workspace={workspace} topicId={topicId} />
    </section>
  );
}

function AnswerForm({ workspace, topicId }: { workspace: Workspace; topicId: string }) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const saveAnswer = useSaveAnswer(id, topicId);
  const key = `answer:${id}:${workspace.currentRound.number}:${topicId}`;
  const current = workspace.currentRound.answers.find(
    (a) => a.organisationId === workspace.us.organisationId && a.topicId === topicId,
  );
  // A change still on its way (the person came back before it was saved) wins over the saved answer.
  const [draft, setDraft] = useState<SaveAnswerBody>(
    () =>
      unsavedValue<SaveAnswerBody>(key) ?? {
        rating: current?.rating ?? null,
        answer: current?.answer ?? null,
      },
  );
  const { status, error } = useAutosaveStatus(key);
  // Moving to another topic sends what waits at once, rather than after the pause for more typing.
  useEffect(() => () => void flushAll(key).catch(() => undefined), [key]);
  const change = (next: SaveAnswerBody) => {
    setDraft(next);
    queueSave(key, next, saveAnswer);
  };
  const answer = draft.answer ?? '';
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        // Saving happens by itself; Enter or the button only sends it now. Focus stays where it is.
        void flushAll(key).catch(() => undefined);
      }}
      className="form"
    >
      <fieldset className="field">
        <legend>{t('collab.ourRating')}</legend>
        <div className="rating-options">
          {RATING_OPTIONS.map((option) => (
            <label key={String(option)} className="radio rating-option">
              <input
                type="radio"
                name={`rating-${topicId}`}
                checked={draft.rating === option}
                onChange={() => change({ ...draft, rating: option })}
              />
              {t(`collab.ratings.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('collab.ourAnswer')}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            maxLength={4000}
            value={answer}
            onChange={(e) => change({ ...draft, answer: e.target.value.trim() ? e.target.value : null })}
          />
        )}
      </Field>
      {status === 'rejected' && <Alert kind="error">{errorText(error)}</Alert>}
      <div className="actions">
        <button type="submit" className="button" disabled={status === 'idle' || status === 'saved'}>
          {t('collab.saveNow')}
        </button>
        <span role="status" className={`saved-note autosave-${status}`}>
          {status === 'saved'
            ? t('collab.autosave.saved')
            : status === 'waiting' || status === 'saving'
              ? t('collab.autosave.saving')
              : status === 'retrying'
                ? t('collab.autosave.retrying')
                : status === 'rejected'
                  ? t('collab.autosave.rejected')
                  : t('collab.autosave.idle')}
        </span>
      </div>
    </form>
  );
}

function Agreements({ workspace, topicId }: { workspace: Workspace; topicId: string }) {
  const { t, date } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const archived = Boolean(workspace.collaboration.archivedAt);
  const list = workspace.agreements.filter((a) => a.topicId === topicId);
  const [text, setText] = useState('');
  const [agreedBy, setAgreedBy] = useState('');
  const create = useCreateAgreement(id, {
    onSuccess: () => {
      setText('');
      setAgreedBy('');
    },
  });
  return (
    <section aria-labelledby={`agreements-${topicId}`}>
      <h3 id={`agreements-${topicId}`}>{t('collab.agreements')}</h3>
      {list.length === 0 && <p className="muted">{t('collab.noAgreements')}</p>}
      <ul className="list">
        {list.map((a) => (
          <AgreementItem key={a.id} workspace={workspace} agreement={a} />
        ))}
      </ul>
      {!archived && workspace.currentRound.revealedAt && (
        <form
          className="form compact-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) create.mutate({ topicId, text, agreedBy: agreedBy.trim() || null });
          }}
        >
          {create.error && <Alert kind="error">{errorText(create.error)}</Alert>}
          <Field label={t('collab.agreementText')}>
            {(p) => (
              <textarea {...p} rows={2} required value={text} onChange={(e) => setText(e.target.value)} />
            )}
          </Field>
          <Field label={t('collab.agreedBy')}>
            {(p) => <input {...p} value={agreedBy} onChange={(e) => setAgreedBy(e.target.value)} />}
          </Field>
          <button type="submit" className="button" disabled={create.isPending}>
            {t('collab.addAgreement')}
          </button>
        </form>
      )}
      <span className="visually-hidden">{date(new Date().toISOString())}</span>
    </section>
  );
}

/** Per partner organisation: agreed to this text, or not yet. */
export function ApprovalList({ workspace, agreement }: { workspace: Workspace; agreement: Agreement }) {
  const { t, orgName, date } = useCollabWords(workspace);
  return (
    <ul className="approvals" aria-label={t('collab.approvals')}>
      {workspace.participants.map((p) => {
        const approved = agreement.approvals.find((a) => a.organisationId === p.organisationId);
        return (
          <li key={p.organisationId} className={approved ? 'approved' : 'pending'}>
            <span aria-hidden="true">{approved ? '✓ ' : '○ '}</span>
            {approved
              ? t('collab.approvedBy', {
                  organisation: orgName(p.organisationId),
                  date: date(approved.approvedAt),
                })
              : t('collab.notYetApprovedBy', { organisation: orgName(p.organisationId) })}
          </li>
        );
      })}
    </ul>
  );
}

function AgreementItem({ workspace, agreement }: { workspace: Workspace; agreement: Agreement }) {
  const { t, date, orgName } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(agreement.text);
  const [version, setVersion] = useState(agreement.version);
  const [conflict, setConflict] = useState(false);
  const update = useUpdateAgreement(id, agreement.id, {
    onSuccess: () => {
      setEditing(false);
      setConflict(false);
    },
    // Nothing is overwritten: show the partner's text and let this person merge by hand.
    onConflict: (current) => {
      setConflict(true);
      setText(current.text);
      setVersion(current.version);
    },
  });
  const remove = useDeleteAgreement(id);
  const approval = useAgreementApproval(id, agreement.id);
  const us = workspace.us.organisationId;
  const weAgreed = agreement.approvals.some((a) => a.organisationId === us);
  if (!editing) {
    return (
      <li className="list-row">
        <span>
          <span className="pre-wrap">{agreement.text}</span>
          <br />
          <span className="muted">
            {agreement.agreedBy ? `${agreement.agreedBy} · ` : ''}
            {date(agreement.agreedOn)}
          </span>
          <ApprovalList workspace={workspace} agreement={agreement} />
          {approval.error && <Alert kind="error">{errorText(approval.error)}</Alert>}
        </span>
        {!workspace.collaboration.archivedAt && (
          <span className="row-actions">
            <button
              type="button"
              className={`button small${weAgreed ? '' : ' primary'}`}
              disabled={approval.isPending}
              onClick={() =>
                approval.mutate(weAgreed ? { agree: false } : { agree: true, version: agreement.version })
              }
            >
              {weAgreed
                ? t('collab.withdrawApproval')
                : t('collab.approve', {
                    organisation:
                      workspace.participants.find((p) => p.organisationId === us)?.name ?? orgName(us),
                  })}
            </button>
            <button type="button" className="button small" onClick={() => setEditing(true)}>
              {t('collab.edit')}
            </button>
            <button
              type="button"
              className="button small danger"
              onClick={() => window.confirm(`${t('collab.delete')}?`) && remove.mutate(agreement.id)}
            >
              {t('collab.delete')}
            </button>
          </span>
        )}
      </li>
    );
  }
  return (
    <li>
      <form
        className="form compact-form"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ text, version });
        }}
      >
        {conflict && <Alert kind="info">{t('collab.conflict')}</Alert>}
        {update.error && !conflict && <Alert kind="error">{errorText(update.error)}</Alert>}
        <Field label={t('collab.agreementText')}>
          {(p) => <textarea {...p} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button primary" disabled={update.isPending}>
            {t('collab.save')}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('collab.cancel')}
          </button>
        </div>
      </form>
    </li>
  );
}

const OTHER = 'other';

function TopicActions({ workspace, topicId }: { workspace: Workspace; topicId: string }) {
  const { t, orgName } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const [text, setText] = useState('');
  // A member of either partner by id, or OTHER with a free name typed below.
  const [ownerChoice, setOwnerChoice] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const create = useCreateAction(id, {
    onSuccess: () => {
      setText('');
      setOwnerChoice('');
      setOwner('');
      setDueDate('');
    },
  });
  const ownerBody =
    ownerChoice === OTHER
      ? { owner: owner.trim() || null }
      : ownerChoice
        ? { ownerUserId: ownerChoice }
        : { owner: null };
  const list = workspace.actions.filter((a) => a.topicId === topicId);
  return (
    <section aria-labelledby={`actions-${topicId}`}>
      <h3 id={`actions-${topicId}`}>{t('collab.actions')}</h3>
      <ActionList workspace={workspace} actions={list} />
      {!workspace.collaboration.archivedAt && workspace.currentRound.revealedAt && (
        <form
          className="form compact-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) create.mutate({ topicId, text, ...ownerBody, dueDate: dueDate || null });
          }}
        >
          {create.error && <Alert kind="error">{errorText(create.error)}</Alert>}
          <Field label={t('collab.actionText')}>
            {(p) => <input {...p} required value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <div className="grid-2">
            <Field label={t('collab.owner')}>
              {(p) => (
                <select {...p} value={ownerChoice} onChange={(e) => setOwnerChoice(e.target.value)}>
                  <option value="">{t('collab.ownerNobody')}</option>
                  {workspace.participants.map((org) => (
                    <optgroup key={org.organisationId} label={orgName(org.organisationId)}>
                      {workspace.people
                        .filter((person) => person.organisationId === org.organisationId)
                        .map((person) => (
                          <option key={person.userId} value={person.userId}>
                            {person.name}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                  <option value={OTHER}>{t('collab.ownerOther')}</option>
                </select>
              )}
            </Field>
            {ownerChoice === OTHER && (
              <Field label={t('collab.ownerName')}>
                {(p) => <input {...p} required value={owner} onChange={(e) => setOwner(e.target.value)} />}
              </Field>
            )}
            <Field label={t('collab.dueDate')}>
              {(p) => (
                <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
              )}
            </Field>
          </div>
          <button type="submit" className="button" disabled={create.isPending}>
            {t('collab.addAction')}
          </button>
        </form>
      )}
    </section>
  );
}

export function ActionList({
  workspace,
  actions,
  showTopic = false,
}: {
  workspace: Workspace;
  actions: Workspace['actions'];
  showTopic?: boolean;
}) {
  const { t, lang, date, subjectName } = useCollabWords(workspace);
  const errorText = useErrorText();
  const toggle = useToggleAction(workspace.collaboration.id);
  if (actions.length === 0) return <p className="muted">{t('collab.noActions')}</p>;
  return (
    <>
      {toggle.error && <Alert kind="error">{errorText(toggle.error)}</Alert>}
      <ul className="list">
        {actions.map((a) => (
          <li key={a.id} className={`list-row action${a.done ? ' done' : ''}`}>
            <label className="radio">
              <input
                type="checkbox"
                checked={a.done}
                disabled={Boolean(workspace.collaboration.archivedAt)}
                onChange={(e) =>
                  toggle.mutate({ actionId: a.id, done: e.target.checked, version: a.version })
                }
              />
              <span>
                {a.text}
                {a.owner ? ` — ${a.owner}` : ''}
                {showTopic ? ` · ${subjectName(a)}` : ''}
              </span>
            </label>
            <span className="muted">
              {a.dueDate && t('collab.due', { date: date(a.dueDate) })}
              {a.overdue && <strong className="overdue"> · {t('collab.overdue')}</strong>}
              {a.dueDate && !a.done && (
                <>
                  {' · '}
                  <a
                    href={`/api/v1/collaborations/${workspace.collaboration.id}/actions/${a.id}/calendar.ics?lang=${lang}`}
                    download
                    aria-label={t('rhythm.actionCalendarLabel', { text: a.text })}
                  >
                    {t('rhythm.actionCalendar')}
                  </a>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
