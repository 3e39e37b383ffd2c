import { partneringProcess } from '../instrument/process.ts';
import type { DeliverableState } from './agreement.ts';
import type { DeliverableId } from './forms.ts';

export type StepId = 'mobilize' | 'co-develop' | 'pilot-test' | 'scale';

export const STEP_DELIVERABLES: readonly { step: StepId; deliverables: DeliverableId[] }[] =
  partneringProcess.steps.map((s) => ({
    step: s.id as StepId,
    deliverables: s.activities.map((a) => a.id as DeliverableId),
  }));

export function stepOf(deliverableId: DeliverableId): StepId {
  return STEP_DELIVERABLES.find((s) => s.deliverables.includes(deliverableId))!.step;
}

/**
 * Where the partners are: the first step (in the guide's order) with a deliverable not yet agreed, or `decide`
 * once all are agreed and no decision was taken. Partners may work ahead; the step shown is the earliest that
 * still asks something of them, which is what the guide's "step by step, then loop" means in practice.
 */
export function currentStep(
  states: Partial<Record<DeliverableId, DeliverableState>>,
  decided: boolean,
): StepId | 'decide' | 'decided' {
  for (const { step, deliverables } of STEP_DELIVERABLES) {
    if (deliverables.some((d) => states[d] !== 'agreed')) return step;
  }
  return decided ? 'decided' : 'decide';
}
