import { type DeliverableContent, isEmptyContent } from './forms.ts';

export const DELIVERABLE_STATES = ['empty', 'draft', 'agreed'] as const;
export type DeliverableState = (typeof DELIVERABLE_STATES)[number];

export type SignOff = { organisationId: string; version: number };

/**
 * Empty until something is filled in; agreed when every partner organisation taking part now has signed off
 * the current version; draft otherwise. An edit makes a new version, so earlier sign-offs stop counting and the
 * deliverable is a draft again; a partner that joins later must sign off too, and a leaver's sign-off no longer
 * counts (it can no longer be held to it).
 */
export function deliverableState(input: {
  content: DeliverableContent | null;
  version: number;
  signOffs: readonly SignOff[];
  partnerIds: readonly string[];
}): { state: DeliverableState; waitingFor: string[] } {
  if (input.version === 0 || isEmptyContent(input.content)) return { state: 'empty', waitingFor: [] };
  const signed = new Set(
    input.signOffs.filter((s) => s.version === input.version).map((s) => s.organisationId),
  );
  const waitingFor = input.partnerIds.filter((id) => !signed.has(id));
  return { state: waitingFor.length === 0 && input.partnerIds.length > 0 ? 'agreed' : 'draft', waitingFor };
}
