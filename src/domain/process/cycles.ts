import type { DeliverableContent, DeliverableId } from './forms.ts';
import { isEmptyContent } from './forms.ts';

/**
 * Plan-do-check-act: a new cycle starts from what the previous one learnt. Every deliverable with content is
 * carried forward as a draft (version 1 of the new cycle, nobody signed off), so partners revisit and agree it
 * again; empty ones stay empty. The previous cycle is left as it was, read-only.
 */
export function carryOver(
  previous: readonly { deliverableId: DeliverableId; content: DeliverableContent | null }[],
): { deliverableId: DeliverableId; content: DeliverableContent; version: 1 }[] {
  return previous
    .filter((d) => !isEmptyContent(d.content))
    .map((d) => ({ deliverableId: d.deliverableId, content: structuredClone(d.content!), version: 1 }));
}
