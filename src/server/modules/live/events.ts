import type { LiveEventKind } from '../../../contracts/live.ts';

/** A request that changed a collaboration: its route, what it sent back, and who acted. */
export type ChangeRequest = {
  method: string;
  route: string;
  statusCode: number;
  params: Record<string, string | undefined>;
  /** The parsed JSON answer, where the route's answer says more (a reveal, the collaboration joined). */
  answer: unknown;
};

const KINDS: Record<string, LiveEventKind> = {
  'PATCH /collaborations/:id': 'collaboration-changed',
  'PUT /collaborations/:id/rhythm': 'collaboration-changed',
  'POST /collaborations/:id/archive': 'collaboration-changed',
  'POST /collaborations/:id/leave': 'participant-left',
  'POST /partner-invitations/:token/accept': 'participant-joined',
  'POST /collaborations/:id/rounds': 'round-started',
  'POST /collaborations/:id/submit': 'submitted',
  'POST /collaborations/:id/reveal-early': 'early-reveal',
  'POST /collaborations/:id/agreements': 'agreement-changed',
  'PATCH /collaborations/:id/agreements/:itemId': 'agreement-changed',
  'DELETE /collaborations/:id/agreements/:itemId': 'agreement-changed',
  'POST /collaborations/:id/agreements/:itemId/approval': 'agreement-changed',
  'DELETE /collaborations/:id/agreements/:itemId/approval': 'agreement-changed',
  'POST /collaborations/:id/actions': 'action-changed',
  'PATCH /collaborations/:id/actions/:itemId': 'action-changed',
  'DELETE /collaborations/:id/actions/:itemId': 'action-changed',
  'POST /collaborations/:id/assessment/submit': 'assessment-submitted',
  'POST /collaborations/:id/assessment/reveal-early': 'assessment-early-reveal',
  // Saving a draft of the checks says nothing; like the wheel, partners learn only of a submission.
  'PUT /collaborations/:id/process/deliverables/:deliverableId': 'process-changed',
  'POST /collaborations/:id/process/deliverables/:deliverableId/sign-off': 'process-changed',
  'DELETE /collaborations/:id/process/deliverables/:deliverableId/sign-off': 'process-changed',
  'POST /collaborations/:id/process/checks/:moment/submit': 'process-changed',
  'POST /collaborations/:id/process/checks/:moment/reveal-early': 'process-changed',
  'POST /collaborations/:id/process/pilots': 'process-changed',
  'PATCH /collaborations/:id/process/pilots/:pilotId': 'process-changed',
  'DELETE /collaborations/:id/process/pilots/:pilotId': 'process-changed',
  'PUT /collaborations/:id/process/measurements/:criterionId': 'process-changed',
  'PUT /collaborations/:id/process/decision': 'process-changed',
  'DELETE /collaborations/:id/process/decision': 'process-changed',
  'POST /collaborations/:id/process/cycles': 'process-changed',
  'POST /collaborations/:id/process/import': 'process-changed',
  'POST /collaborations/:id/ledger/indicators': 'ledger-changed',
  'PATCH /collaborations/:id/ledger/indicators/:indicatorId': 'ledger-changed',
  'DELETE /collaborations/:id/ledger/indicators/:indicatorId': 'ledger-changed',
  'PUT /collaborations/:id/ledger/indicators/:indicatorId/values/:period': 'ledger-changed',
};

/**
 * The events a successful request causes. Saving a draft answer causes none: before the reveal a partner learns
 * only whether the other submitted. The events name what changed, never the content; browsers fetch that
 * through the API, which decides what each may read.
 */
export function eventsFor(request: ChangeRequest): { collaborationId: string; kind: LiveEventKind }[] {
  if (request.statusCode < 200 || request.statusCode >= 300) return [];
  const kind = KINDS[`${request.method} ${request.route.replace(/^\/api\/v1/, '')}`];
  if (!kind) return [];
  const answer = (request.answer ?? {}) as { collaborationId?: unknown; revealed?: unknown };
  const collaborationId =
    kind === 'participant-joined' ? answer.collaborationId : (request.params.id as string | undefined);
  if (typeof collaborationId !== 'string') return [];
  const events = [{ collaborationId, kind }];
  if ((kind === 'submitted' || kind === 'early-reveal') && answer.revealed === true)
    events.push({ collaborationId, kind: 'revealed' });
  return events;
}
