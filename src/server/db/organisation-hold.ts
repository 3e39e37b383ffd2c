import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './client.ts';

/**
 * Holds the organisation's row for the rest of the transaction, so that erasure (which locks the row for update)
 * waits for a write that is under way and a write that comes after erasure sees it and stops. Without it an answer
 * saved while the organisation was being erased survives the erasure (found by attack, issue 9). Take it before
 * any other lock, as erasure does, so the two never wait on each other in a circle.
 * @returns false when the organisation is gone or erased.
 */
export async function holdOrganisation(tx: Tx, organisationId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from organisations where id = ${organisationId} and erased_at is null for share`,
  );
  return rows.length > 0;
}
