import type { Tx } from '../../db/client.ts';

/**
 * What other modules do inside the transaction that creates a collaboration or takes a partner out of it
 * (the wheel opens round 1; a round whose remaining partners all submitted reveals). Registered at start-up,
 * so this module never imports theirs.
 */
export type CollaborationLifecycle = {
  created?: (tx: Tx, collaborationId: string) => Promise<void>;
  partnerLeft?: (tx: Tx, collaborationId: string, remainingOrganisationIds: string[]) => Promise<void>;
};
