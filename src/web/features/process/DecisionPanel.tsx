import { useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { ProcessView } from '../../../contracts/process.ts';
import {
  COMPARATOR_SIGNS,
  type Comparator,
  DECISIONS,
  type Decision,
  parseNumber,
} from '../../../domain/process/index.ts';
import { api, unwrap } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useCollabWords } from '../collaborations/labels.ts';
import { useProcessChange } from './hooks/useProcess.ts';

/** Go/no-go at Scale: each criterion against its measured value, then the decision all partners take together. */
export function DecisionPanel(props: { workspace: Workspace; view: ProcessView }) {
  const { workspace, view } = props;
  const { t, orgName, date } = useCollabWords(workspace);
  const errorText = useErrorText();
  const collaborationId = workspace.collaboration.id;
  const us = workspace.us.organisationId;
  const ours = view.decision.votes.find((v) => v.organisationId === us);
  const [choice, setChoice] = useState<Decision | null>(ours?.decision ?? null);
  const [reason, setReason] = useState(ours?.reason ?? '');
  const [openRound, setOpenRound] = useState(true);
  const vote = useProcessChange(collaborationId, () =>
    unwrap(
      api.PUT('/collaborations/{id}/process/decision', {
        params: { path: { id: collaborationId } },
        body: { decision: choice!, reason: reason.trim() || null },
      }),
    ),
  );
  const next = useProcessChange(collaborationId, () =>
    unwrap(
      api.POST('/collaborations/{id}/process/cycles', {
        params: { path: { id: collaborationId } },
        body: { openRound },
      }),
    ),
  );
  const editable = view.cycle.editable;
  return (
    <section className="card decision" aria-labelledby="decision-title">
      <h4 id="decision-title">{t('process.goNoGo')}</h4>
      {view.criteria.length === 0 ? (
        <p className="muted">{t('process.criteriaEmpty')}</p>
      ) : (
        <TableWrap label={t('process.goNoGo')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('process.criterion')}</th>
                <th scope="col">{t('process.target')}</th>
                <th scope="col">{t('process.measured')}</th>
                <th scope="col">{t('process.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {view.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.indicator || '—'}</th>
                  <td>
                    {COMPARATOR_SIGNS[c.comparator as Comparator]} {c.threshold}
                    {c.byWhen && ` · ${t('process.byWhen', { date: date(c.byWhen) })}`}
                  </td>
                  <td>
                    <Measurement workspace={workspace} view={view} criterion={c} />
                  </td>
                  <td>
                    <span className={`badge badge-${c.result}`}>{t(`process.result.${c.result}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {view.decision.suggestion && <p>{t(`process.suggestion.${view.decision.suggestion}`)}</p>}

      <h5>{t('process.decisionTitle')}</h5>
      {view.decision.decided ? (
        <Alert kind="success">
          {t('process.decided', {
            decision: t(`process.decision.${view.decision.decided}`),
            date: view.decision.decidedAt ? date(view.decision.decidedAt) : '',
          })}
        </Alert>
      ) : (
        <p className="muted">{t('process.decisionIntro')}</p>
      )}
      {view.decision.votes.length > 0 && (
        <ul className="small">
          {view.decision.votes.map((v) => (
            <li key={v.organisationId}>
              {t('process.voteLine', {
                org: orgName(v.organisationId),
                decision: t(`process.decision.${v.decision}`),
                who: v.by ?? '?',
              })}
              {v.reason && <span className="pre-wrap">{` — “${v.reason}”`}</span>}
            </li>
          ))}
        </ul>
      )}
      {!view.decision.decided && view.decision.waitingFor.length > 0 && (
        <p className="small">
          {t('process.waitingFor', { list: view.decision.waitingFor.map(orgName).join(', ') })}
        </p>
      )}
      {!view.decision.decided && view.decision.differ && <p className="small">{t('process.votesDiffer')}</p>}
      {editable && !view.decision.decided && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) vote.mutate();
          }}
        >
          <fieldset>
            <legend>{t('process.yourChoice')}</legend>
            {DECISIONS.map((d) => (
              <label key={d} className="radio-line">
                <input type="radio" name="decision" checked={choice === d} onChange={() => setChoice(d)} />
                {t(`process.decision.${d}`)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            {t('process.why')}
            <textarea rows={2} maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          {vote.error && <Alert kind="error">{errorText(vote.error)}</Alert>}
          <button type="submit" className="button primary" disabled={!choice || vote.isPending}>
            {ours ? t('process.changeChoice') : t('process.choose')}
          </button>
        </form>
      )}
      {editable && view.decision.decided && (
        <div className="next-cycle">
          <p>{t('process.nextCycleIntro')}</p>
          <label className="checkbox-line">
            <input type="checkbox" checked={openRound} onChange={(e) => setOpenRound(e.target.checked)} />
            {t('process.openRound')}
          </label>
          {next.error && <Alert kind="error">{errorText(next.error)}</Alert>}
          <button
            type="button"
            className="button primary"
            disabled={next.isPending}
            onClick={() => next.mutate()}
          >
            {t('process.startCycle', { n: view.cycle.number + 1 })}
          </button>
        </div>
      )}
    </section>
  );
}

function Measurement({
  workspace,
  view,
  criterion,
}: {
  workspace: Workspace;
  view: ProcessView;
  criterion: ProcessView['criteria'][number];
}) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const collaborationId = workspace.collaboration.id;
  const [value, setValue] = useState(criterion.measured === null ? '' : String(criterion.measured));
  const save = useProcessChange(collaborationId, () => {
    const parsed = value.trim() === '' ? null : parseNumber(value);
    return unwrap(
      api.PUT('/collaborations/{id}/process/measurements/{criterionId}', {
        params: { path: { id: collaborationId, criterionId: criterion.id } },
        body: { value: parsed as number | null },
      }),
    );
  });
  if (!view.cycle.editable) return <>{criterion.measured ?? '—'}</>;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <input
        type="text"
        inputMode="decimal"
        aria-label={t('process.measuredFor', { indicator: criterion.indicator })}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        size={8}
      />
      <button type="submit" className="button small" disabled={save.isPending}>
        {t('process.saveShort')}
      </button>
      {save.error && <span className="field-error">{errorText(save.error)}</span>}
    </form>
  );
}
