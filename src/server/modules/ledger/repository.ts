import { and, asc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { holdOrganisation } from '../../db/organisation-hold.ts';
import { ledgerIndicators, ledgerTargets, ledgerValues, users } from '../../db/schema/index.ts';

export type IndicatorRow = typeof ledgerIndicators.$inferSelect;
export type ValueRow = typeof ledgerValues.$inferSelect & { enteredByName: string | null };

/** The impact ledger's tables: chosen indicators, their targets, and partners' values with their corrections. */
export class LedgerRepository {
  constructor(private readonly db: Db) {}

  async indicators(collaborationId: string): Promise<IndicatorRow[]> {
    return this.db
      .select()
      .from(ledgerIndicators)
      .where(eq(ledgerIndicators.collaborationId, collaborationId))
      .orderBy(asc(ledgerIndicators.createdAt));
  }

  async targets(indicatorIds: string[]) {
    if (!indicatorIds.length) return [];
    return this.db.select().from(ledgerTargets).where(inArray(ledgerTargets.indicatorId, indicatorIds));
  }

  /** Current values, or every value of one indicator and period (its history) when `period` is given. */
  async values(indicatorIds: string[], history?: { period: string }): Promise<ValueRow[]> {
    if (!indicatorIds.length) return [];
    return this.db
      .select({ ...getTableColumns(ledgerValues), enteredByName: users.name })
      .from(ledgerValues)
      .leftJoin(users, eq(users.id, ledgerValues.enteredBy))
      .where(
        history
          ? and(inArray(ledgerValues.indicatorId, indicatorIds), eq(ledgerValues.period, history.period))
          : and(inArray(ledgerValues.indicatorId, indicatorIds), isNull(ledgerValues.supersededAt)),
      )
      .orderBy(asc(ledgerValues.enteredAt));
  }

  /** Periods with a corrected value, per indicator and organisation. */
  async corrected(indicatorIds: string[]) {
    if (!indicatorIds.length) return [];
    return this.db
      .selectDistinct({
        indicatorId: ledgerValues.indicatorId,
        organisationId: ledgerValues.organisationId,
        period: ledgerValues.period,
      })
      .from(ledgerValues)
      .where(
        and(inArray(ledgerValues.indicatorId, indicatorIds), sql`${ledgerValues.supersededAt} is not null`),
      );
  }

  /** The acting organisation's writes, never after its erasure; the indicator's row serialises them. */
  async write<T>(organisationId: string, work: (tx: Tx) => Promise<T>): Promise<T | 'erased'> {
    return this.db.transaction(async (tx) => {
      if (!(await holdOrganisation(tx, organisationId))) return 'erased';
      return work(tx);
    });
  }

  indicator(collaborationId: string, id: string) {
    return this.findIndicator(this.db, collaborationId, id);
  }

  async findIndicator(tx: Tx | Db, collaborationId: string, id: string, lock = false) {
    const query = tx
      .select()
      .from(ledgerIndicators)
      .where(and(eq(ledgerIndicators.id, id), eq(ledgerIndicators.collaborationId, collaborationId)));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  }

  async addIndicator(tx: Tx, row: typeof ledgerIndicators.$inferInsert): Promise<IndicatorRow | undefined> {
    const [created] = await tx.insert(ledgerIndicators).values(row).onConflictDoNothing().returning();
    return created;
  }

  async setBaseline(tx: Tx, id: string, baseline: number | null) {
    await tx.update(ledgerIndicators).set({ baseline }).where(eq(ledgerIndicators.id, id));
  }

  async setTarget(tx: Tx, indicatorId: string, period: string, target: number | null) {
    if (target === null) {
      await tx
        .delete(ledgerTargets)
        .where(and(eq(ledgerTargets.indicatorId, indicatorId), eq(ledgerTargets.period, period)));
      return;
    }
    await tx
      .insert(ledgerTargets)
      .values({ indicatorId, period, target })
      .onConflictDoUpdate({ target: [ledgerTargets.indicatorId, ledgerTargets.period], set: { target } });
  }

  async hasValues(tx: Tx, indicatorId: string): Promise<boolean> {
    const rows = await tx
      .select({ id: ledgerValues.id })
      .from(ledgerValues)
      .where(eq(ledgerValues.indicatorId, indicatorId))
      .limit(1);
    return rows.length > 0;
  }

  async deleteIndicator(tx: Tx, id: string) {
    await tx.delete(ledgerIndicators).where(eq(ledgerIndicators.id, id));
  }

  /** A new value supersedes the current one of the same organisation and period; nothing is overwritten. */
  async enterValue(
    tx: Tx,
    row: {
      indicatorId: string;
      organisationId: string;
      period: string;
      value: number;
      source: string | null;
      note: string | null;
      enteredBy: string;
    },
  ) {
    await tx
      .update(ledgerValues)
      .set({ supersededAt: new Date() })
      .where(
        and(
          eq(ledgerValues.indicatorId, row.indicatorId),
          eq(ledgerValues.organisationId, row.organisationId),
          eq(ledgerValues.period, row.period),
          isNull(ledgerValues.supersededAt),
        ),
      );
    await tx.insert(ledgerValues).values(row);
  }
}
