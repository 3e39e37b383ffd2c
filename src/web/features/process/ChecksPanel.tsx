import { useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { ProcessView } from '../../../contracts/process.ts';
import { partneringProcess } from '../../../domain/instrument/process.ts';
import { topicById } from '../../../domain/instrument/wheel.ts';
import { CHECK_CRITERIA, type CheckMoment } from '../../../domain/process/index.ts';
import { api, unwrap } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useTranslate } from '../../i18n/index.ts';
import { useCollabWords } from '../collaborations/labels.ts';
import { useOpenTab } from '../collaborations/tabs/tabState.tsx';
import { useProcessChange } from './hooks/useProcess.ts';

const TEXTS = new Map(
  [...partneringProcess.appropriateness, ...partneringProcess.readiness].map((c) => [c.id, c.text]),
);
type Draft = Record<string, { rating: 1 | 2 | 3 | 4 | null; note: string }>;

/**
 * The appropriateness and readiness checks of one moment: answered privately, revealed together (like the
 * wheel), then one combined view with advice that points at the wheel topics to start with.
 */
export function ChecksPanel(props: { workspace: Workspace; view: ProcessView; moment: CheckMoment }) {
  const { workspace, view, moment } = props;
  const { t, orgName } = useCollabWords(workspace);
  const { lang } = useTranslate();
  const errorText = useErrorText();
  const openTab = useOpenTab();
  const set = view.checks.find((c) => c.moment === moment)!;
  const us = workspace.us.organisationId;
  const collaborationId = workspace.collaboration.id;
  const own = set.answers.filter((a) => a.organisationId === us);
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      CHECK_CRITERIA.map((c) => {
        const a = own.find((x) => x.criterionId === c.id);
        return [c.id, { rating: a?.rating ?? null, note: a?.note ?? '' }];
      }),
    ),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const body = () => ({
    answers: Object.fromEntries(
      Object.entries(draft).map(([id, a]) => [id, { rating: a.rating, note: a.note.trim() || null }]),
    ) as Record<string, { rating: 1 | 2 | 3 | 4 | null; note: string | null }>,
  });
  const path = { params: { path: { id: collaborationId, moment } } };
  const save = useProcessChange(collaborationId, () =>
    unwrap(api.PUT('/collaborations/{id}/process/checks/{moment}', { ...path, body: body() })),
  );
  const submit = useProcessChange(collaborationId, () =>
    unwrap(api.POST('/collaborations/{id}/process/checks/{moment}/submit', { ...path, body: body() })),
  );
  const early = useProcessChange(collaborationId, () =>
    unwrap(api.POST('/collaborations/{id}/process/checks/{moment}/reveal-early', path)),
  );
  const ourStatus = set.status.find((s) => s.organisationId === us);
  const headingId = `checks-${moment}`;
  const error = save.error ?? submit.error ?? early.error;

  if (set.outcome) {
    const { advice, criteria } = set.outcome;
    const orgs = [...new Set(set.answers.map((a) => a.organisationId))];
    return (
      <section className="card checks" aria-labelledby={headingId}>
        <h4 id={headingId}>{t(`process.checks.${moment}`)}</h4>
        <p className={`advice advice-${advice.verdict}`}>
          <strong>{t(`process.advice.${advice.verdict}`)}</strong>
          {advice.approachInDoubt && ` ${t('process.advice.approachInDoubt')}`}
        </p>
        {advice.weak.length > 0 && (
          <>
            <p>{t('process.advice.weakList')}</p>
            <ul>
              {advice.weak.map((id) => (
                <li key={id}>{TEXTS.get(id)?.[lang] ?? id}</li>
              ))}
            </ul>
          </>
        )}
        {advice.startWith.length > 0 && (
          <p>
            {t('process.advice.startWith')}{' '}
            {advice.startWith.map((topic, i) => (
              <span key={topic}>
                {i > 0 && ', '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => openTab('wheel', { 'wheel.topic': topic })}
                >
                  {wheelTopic(topic, lang)}
                </button>
              </span>
            ))}
          </p>
        )}
        <TableWrap label={t(`process.checks.${moment}`)}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('process.criterion')}</th>
                {orgs.map((o) => (
                  <th scope="col" key={o}>
                    {orgName(o)}
                  </th>
                ))}
                <th scope="col">{t('process.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.criterionId}>
                  <th scope="row" className="criterion-text">
                    <span className="small muted">{t(`process.kind.${c.kind}`)}</span>
                    <br />
                    {TEXTS.get(c.criterionId)?.[lang]}
                  </th>
                  {orgs.map((o) => {
                    const a = set.answers.find(
                      (x) => x.organisationId === o && x.criterionId === c.criterionId,
                    );
                    return (
                      <td key={o}>
                        {a?.rating ? t(`collab.ratings.${a.rating}`) : '—'}
                        {a?.note && <span className="small muted pre-wrap">{` · ${a.note}`}</span>}
                      </td>
                    );
                  })}
                  <td>
                    {t(`process.criterionStatus.${c.status}`)}
                    {c.differ && ` · ${t('process.differ')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    );
  }

  return (
    <section className="card checks" aria-labelledby={headingId}>
      <h4 id={headingId}>{t(`process.checks.${moment}`)}</h4>
      <p className="muted">{t('process.checksIntro')}</p>
      <p className="small">
        {set.status
          .map((s) =>
            t(
              s.submitted
                ? 'process.statusSubmitted'
                : s.earlyReveal
                  ? 'process.statusEarly'
                  : 'process.statusNotYet',
              {
                org: orgName(s.organisationId),
              },
            ),
          )
          .join(' · ')}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate(undefined, { onSuccess: () => setNotice(t('process.checksSubmitted')) });
        }}
      >
        {(['appropriateness', 'readiness'] as const).map((kind) => (
          <div key={kind}>
            <h5>{t(`process.kind.${kind}`)}</h5>
            {CHECK_CRITERIA.filter((c) => c.kind === kind).map((c) => (
              <fieldset key={c.id} className="check-item" disabled={!set.editable}>
                <legend>{TEXTS.get(c.id)?.[lang]}</legend>
                <div className="rating-options">
                  {([1, 2, 3, 4] as const).map((r) => (
                    <label key={r} className="rating-option">
                      <input
                        type="radio"
                        name={`${moment}-${c.id}`}
                        checked={draft[c.id]?.rating === r}
                        onChange={() => setDraft({ ...draft, [c.id]: { ...draft[c.id]!, rating: r } })}
                      />
                      {t(`collab.ratings.${r}`)}
                    </label>
                  ))}
                </div>
                <label className="small">
                  {t('process.note')}
                  <input
                    type="text"
                    maxLength={2000}
                    value={draft[c.id]?.note ?? ''}
                    onChange={(e) =>
                      setDraft({ ...draft, [c.id]: { ...draft[c.id]!, note: e.target.value } })
                    }
                  />
                </label>
              </fieldset>
            ))}
          </div>
        ))}
        {error && <Alert kind="error">{errorText(error)}</Alert>}
        {notice && <Alert kind="success">{notice}</Alert>}
        {set.editable && (
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={save.isPending}
              onClick={() => save.mutate(undefined, { onSuccess: () => setNotice(t('process.savedDraft')) })}
            >
              {t('process.saveDraft')}
            </button>
            <button type="submit" className="button primary" disabled={submit.isPending}>
              {ourStatus?.submitted ? t('process.submitAgain') : t('process.submitChecks')}
            </button>
            {!ourStatus?.earlyReveal && (
              <button
                type="button"
                className="button"
                disabled={early.isPending}
                onClick={() => early.mutate()}
              >
                {t('process.revealEarly')}
              </button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}

function wheelTopic(id: string, lang: 'nl' | 'en') {
  return topicById(id)?.label[lang] ?? id;
}
