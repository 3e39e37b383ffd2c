import { type FormEvent, useState } from 'react';
import type { Agreement, RatingValue, Workspace } from '../../../contracts/collaborations.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { useCreateAction } from './hooks/useCreateAction.ts';
import { useCreateAgreement } from './hooks/useCreateAgreement.ts';
import { useDeleteAgreement } from './hooks/useDeleteAgreement.ts';
import { useSaveAnswer } from './hooks/useSaveAnswer.ts';
import { useToggleAction } from './hooks/useToggleAction.ts';
import { useUpdateAgreement } from './hooks/useUpdateAgreement.ts';
import { topicById, useCollabWords } from './labels.ts';

const RATING_OPTIONS: Exclude<RatingValue, null>[] = [1, 2, 3, 4, 'nr'];

export function TopicPanel({ workspace, topicId }: { workspace: Workspace; topicId: string }) {
  const { t, lang, orgName, rating } = useCollabWords(workspace);
  const topic = topicById(topicId)!;
  const round = workspace.currentRound;
  const us = workspace.us.organisationId;
  const archived = Boolean(workspace.collaboration.archivedAt);
  const weSubmitted = round.status.find((s) => s.organisationId === us)?.submitted ?? false;
  const editable = !round.revealedAt && !weSubmitted && !archived;
  const ours = round.answers.find((a) => a.organisationId === us && a.topicId === topicId);
  const previous = workspace.previousRound?.answers.filter((a) => a.topicId === topicId) ?? [];

  return (
    <section className="topic-panel card" aria-labelledby="topic-title">
      <p className="eyebrow">
        {t(`collab.domains.${topic.domain}`)} · {t(`collab.stages.${topic.stage}`)}
      </p>
      <h2 id="topic-title">{topic.label[lang]}</h2>
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

      <Agreements workspace={workspace} topicId={topicId} />
      <TopicActions workspace={workspace} topicId={topicId} />
    </section>
  );
}

function AnswerForm({ workspace, topicId }: { workspace: Workspace; topicId: string }) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const current = workspace.currentRound.answers.find(
    (a) => a.organisationId === workspace.us.organisationId && a.topicId === topicId,
  );
  const [value, setValue] = useState<RatingValue>(current?.rating ?? null);
  const [answer, setAnswer] = useState(current?.answer ?? '');
  const save = useSaveAnswer(workspace.collaboration.id, topicId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ rating: value, answer: answer.trim() ? answer : null });
  };
  return (
    <form onSubmit={submit} className="form">
      <fieldset className="field">
        <legend>{t('collab.ourRating')}</legend>
        <div className="rating-options">
          {RATING_OPTIONS.map((option) => (
            <label key={String(option)} className="radio rating-option">
              <input
                type="radio"
                name={`rating-${topicId}`}
                checked={value === option}
                onChange={() => {
                  setValue(option);
                  save.reset();
                }}
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
            onChange={(e) => {
              setAnswer(e.target.value);
              save.reset();
            }}
          />
        )}
      </Field>
      {save.error && <Alert kind="error">{errorText(save.error)}</Alert>}
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {t('collab.save')}
        </button>
        {save.isSuccess && (
          <span role="status" className="saved-note">
            {t('collab.saved')}
          </span>
        )}
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
      {!archived && (
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

function AgreementItem({ workspace, agreement }: { workspace: Workspace; agreement: Agreement }) {
  const { t, date } = useCollabWords(workspace);
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
        </span>
        {!workspace.collaboration.archivedAt && (
          <span className="row-actions">
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

function TopicActions({ workspace, topicId }: { workspace: Workspace; topicId: string }) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const create = useCreateAction(id, {
    onSuccess: () => {
      setText('');
      setOwner('');
      setDueDate('');
    },
  });
  const list = workspace.actions.filter((a) => a.topicId === topicId);
  return (
    <section aria-labelledby={`actions-${topicId}`}>
      <h3 id={`actions-${topicId}`}>{t('collab.actions')}</h3>
      <ActionList workspace={workspace} actions={list} />
      {!workspace.collaboration.archivedAt && (
        <form
          className="form compact-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim())
              create.mutate({ topicId, text, owner: owner.trim() || null, dueDate: dueDate || null });
          }}
        >
          {create.error && <Alert kind="error">{errorText(create.error)}</Alert>}
          <Field label={t('collab.actionText')}>
            {(p) => <input {...p} required value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <div className="grid-2">
            <Field label={t('collab.owner')}>
              {(p) => <input {...p} value={owner} onChange={(e) => setOwner(e.target.value)} />}
            </Field>
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
  const { t, date, topicName } = useCollabWords(workspace);
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
                {showTopic ? ` · ${topicName(a.topicId)}` : ''}
              </span>
            </label>
            <span className="muted">
              {a.dueDate && t('collab.due', { date: date(a.dueDate) })}
              {a.overdue && <strong className="overdue"> · {t('collab.overdue')}</strong>}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
