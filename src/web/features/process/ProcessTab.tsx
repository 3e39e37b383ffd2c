import { useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { ProcessView } from '../../../contracts/process.ts';
import { partneringProcess } from '../../../domain/instrument/process.ts';
import type { StepId } from '../../../domain/process/index.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { useTranslate } from '../../i18n/index.ts';
import { useCollabWords } from '../collaborations/labels.ts';
import { ChecksPanel } from './ChecksPanel.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { DeliverableCard } from './DeliverableCard.tsx';
import { OpenStepActions } from './DeliverableFollowUp.tsx';
import { useProcess } from './hooks/useProcess.ts';
import { PilotsPanel } from './PilotsPanel.tsx';
import { ProcessDocuments } from './ProcessDocuments.tsx';

/**
 * The partnering process as a guided tab: where the partners are, what the step asks, who still has to agree
 * and what to do next; then the four steps with their deliverables, checks, pilots and the decision.
 */
export function ProcessTab({ workspace }: { workspace: Workspace }) {
  const { t } = useCollabWords(workspace);
  const errorText = useErrorText();
  const [cycle, setCycle] = useState<number | undefined>();
  const query = useProcess(workspace.collaboration.id, cycle);
  if (query.isPending) return <p className="muted">{t('process.loading')}</p>;
  if (query.error) return <Alert kind="error">{errorText(query.error)}</Alert>;
  const view = query.data;
  return (
    <div className="process">
      <div className="section-head">
        <h2>{t('process.title')}</h2>
        {view.cycles.length > 1 && (
          <label className="inline-label">
            {t('process.cycle')}{' '}
            <select
              value={view.cycle.number}
              onChange={(e) => {
                const n = Number(e.target.value);
                setCycle(n === view.cycles.at(-1)!.number ? undefined : n);
              }}
            >
              {view.cycles.map((c) => (
                <option key={c.number} value={c.number}>
                  {t('process.cycleOption', { n: c.number })}
                  {c.decision ? ` · ${t(`process.decision.${c.decision}`)}` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!view.cycle.current && (
        <Alert kind="info">{t('process.readOnlyCycle', { n: view.cycle.number })}</Alert>
      )}
      <Overview workspace={workspace} view={view} />
      <ProcessDocuments workspace={workspace} view={view} />
      {partneringProcess.steps.map((step) => (
        <StepSection
          key={`${view.cycle.number}-${step.id}`}
          workspace={workspace}
          view={view}
          stepId={step.id as StepId}
        />
      ))}
    </div>
  );
}

const STEP_IDS = partneringProcess.steps.map((s) => s.id as StepId);

/** The stepper and what to do now, for the reader's organisation first. */
function Overview({ workspace, view }: { workspace: Workspace; view: ProcessView }) {
  const { t, orgName } = useCollabWords(workspace);
  const { lang } = useTranslate();
  const us = workspace.us.organisationId;
  const todo = nextSteps(view, us);
  const stepLabel = (id: string) => partneringProcess.steps.find((s) => s.id === id)?.label[lang] ?? id;
  const currentIndex =
    view.position === 'decide' || view.position === 'decided'
      ? STEP_IDS.length
      : STEP_IDS.indexOf(view.position);
  return (
    <section className="card process-overview" aria-labelledby="process-where">
      <h3 id="process-where">{t('process.whereTitle', { n: view.cycle.number })}</h3>
      <ol className="stepper">
        {STEP_IDS.map((id, i) => (
          <li
            key={id}
            className={i < currentIndex ? 'done' : i === currentIndex ? 'current' : ''}
            aria-current={i === currentIndex ? 'step' : undefined}
          >
            <span className="step-number">{i + 1}</span> {stepLabel(id)}
          </li>
        ))}
        <li
          className={currentIndex === STEP_IDS.length ? 'current' : ''}
          aria-current={currentIndex === STEP_IDS.length ? 'step' : undefined}
        >
          <span className="step-number">✓</span> {t('process.decideStep')}
        </li>
      </ol>
      <p>{t(`process.position.${view.position}`, { step: stepLabel(view.position) })}</p>
      {view.cycle.editable && todo.length > 0 && (
        <>
          <h4>{t('process.whatNow')}</h4>
          <ul>
            {todo.map((item) => (
              <li key={item.key}>
                {t(item.message, {
                  name: item.name ? deliverableLabel(item.name, lang) : '',
                  others: item.others?.map(orgName).join(', ') ?? '',
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function deliverableLabel(id: string, lang: 'nl' | 'en') {
  return partneringProcess.steps.flatMap((s) => s.activities).find((a) => a.id === id)?.label[lang] ?? id;
}

type Todo = {
  key: string;
  message:
    | 'process.todo.checks'
    | 'process.todo.signOff'
    | 'process.todo.fill'
    | 'process.todo.decide'
    | 'process.todo.nextCycle'
    | 'process.todo.waiting';
  name?: string;
  others?: string[];
};

/** What the reader's organisation can do now, in the order the guide asks it. */
function nextSteps(view: ProcessView, us: string): Todo[] {
  const todo: Todo[] = [];
  const start = view.checks.find((c) => c.moment === 'start');
  const ours = start?.status.find((s) => s.organisationId === us);
  if (start && !start.revealedAt && !ours?.submitted)
    todo.push({ key: 'checks', message: 'process.todo.checks' });
  const step = view.position;
  for (const d of view.deliverables) {
    if (d.step !== step) continue;
    if (d.state === 'empty') todo.push({ key: `fill-${d.id}`, message: 'process.todo.fill', name: d.id });
    else if (d.waitingFor.includes(us))
      todo.push({ key: `sign-${d.id}`, message: 'process.todo.signOff', name: d.id });
    else if (d.waitingFor.length)
      todo.push({ key: `wait-${d.id}`, message: 'process.todo.waiting', name: d.id, others: d.waitingFor });
  }
  if (step === 'decide' && view.decision.waitingFor.includes(us))
    todo.push({ key: 'decide', message: 'process.todo.decide' });
  if (step === 'decided' || view.decision.decided)
    todo.push({ key: 'next', message: 'process.todo.nextCycle' });
  return todo;
}

function StepSection({
  workspace,
  view,
  stepId,
}: {
  workspace: Workspace;
  view: ProcessView;
  stepId: StepId;
}) {
  const { t } = useCollabWords(workspace);
  const { lang } = useTranslate();
  const step = partneringProcess.steps.find((s) => s.id === stepId)!;
  const deliverables = view.deliverables.filter((d) => d.step === stepId);
  const agreed = deliverables.filter((d) => d.state === 'agreed').length;
  const current =
    view.position === stepId ||
    (stepId === 'scale' && (view.position === 'decide' || view.position === 'decided'));
  const headingId = `step-${stepId}`;
  return (
    <details className="card step-section" open={current}>
      <summary>
        <h3 id={headingId} className="step-title">
          {step.order}. {step.label[lang]}{' '}
          <span className="muted small">
            {t('process.agreedCount', { n: agreed, total: deliverables.length })}
          </span>
        </h3>
      </summary>
      <div className="step-body">
        <div className="step-main">
          <p>{step.goal[lang]}</p>
          {view.cycle.current && (
            <OpenStepActions workspace={workspace} deliverableIds={deliverables.map((d) => d.id)} />
          )}
          {stepId === 'mobilize' && <ChecksPanel workspace={workspace} view={view} moment="start" />}
          {deliverables.map((d) => (
            <DeliverableCard key={d.id} workspace={workspace} view={view} deliverable={d} />
          ))}
          {stepId === 'pilot-test' && <PilotsPanel workspace={workspace} view={view} />}
          {stepId === 'scale' && (
            <>
              <ChecksPanel workspace={workspace} view={view} moment="before-scale" />
              <DecisionPanel workspace={workspace} view={view} />
            </>
          )}
        </div>
        <aside className="guide-aside" aria-label={t('process.keysTitle')}>
          <h4>{t('process.keysTitle')}</h4>
          <ul className="small">
            {partneringProcess.keysToSuccess.map((k) => (
              <li key={k.en}>{k[lang]}</li>
            ))}
          </ul>
          <h4>{t('process.mindsetTitle')}</h4>
          <ul className="small">
            {partneringProcess.mindsetShifts.map((m) => (
              <li key={m.from.en}>
                {m.from[lang]} → <strong>{m.to[lang]}</strong>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </details>
  );
}
