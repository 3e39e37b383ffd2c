import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from './client.ts';
import { roundParticipation } from './schema/index.ts';

export type ParticipationRow = typeof roundParticipation.$inferSelect;

/**
 * Each given organisation's row of a round's participation, in the order given (undefined where it never
 * answered): what the wheel's and the self-assessment's reveal rule read, inside the round's lock.
 */
export async function participationOf(
  tx: Tx,
  roundId: string,
  organisationIds: string[],
): Promise<(ParticipationRow | undefined)[]> {
  if (!organisationIds.length) return [];
  const rows = await tx
    .select()
    .from(roundParticipation)
    .where(
      and(
        eq(roundParticipation.roundId, roundId),
        inArray(roundParticipation.organisationId, organisationIds),
      ),
    );
  return organisationIds.map((id) => rows.find((r) => r.organisationId === id));
}
