/**
 * Query keys of a collaboration's self-assessment; all start with 'assessment'. Without a round number the
 * key is the current round's, the one saving and handing in update.
 */
export const assessmentKeys = {
  view: (collaborationId: string, round?: number) =>
    ['assessment', collaborationId, round ?? 'current'] as const,
};
