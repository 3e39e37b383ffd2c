import type { Tx } from '../../db/client.ts';

/**
 * What other modules do inside the transaction that creates a collaboration or takes a partner out of it
 * (the wheel opens round 1; a round whose remaining partners all submitted reveals). Registered at start-up,
 * so this module never imports theirs. A hook that decides from who takes part must read the partners after
 * taking its own lock, inside `tx`: two partners may leave at the same moment.
 */
export type CollaborationLifecycle = {
  created?: (tx: Tx, collaborationId: string) => Promise<void>;
  partnerLeft?: (tx: Tx, collaboration: { id: string; archived: boolean }) => Promise<void>;
};
