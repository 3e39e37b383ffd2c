import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, agreements } from '../../db/schema/index.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;

/** Agreements and actions: what partners leave a conversation with. */
export class FollowUpRepository {
  constructor(private readonly db: Db) {}

  async agreements(collaborationId: string): Promise<AgreementRow[]> {
    return this.db
      .select()
      .from(agreements)
      .where(eq(agreements.collaborationId, collaborationId))
      .orderBy(asc(agreements.createdAt));
  }

  async createAgreement(values: typeof agreements.$inferInsert): Promise<AgreementRow> {
    const [row] = await this.db.insert(agreements).values(values).returning();
    return row!;
  }

  async findAgreement(collaborationId: string, id: string): Promise<AgreementRow | undefined> {
    const [row] = await this.db
      .select()
      .from(agreements)
      .where(and(eq(agreements.id, id), eq(agreements.collaborationId, collaborationId)));
    return row;
  }

  /** Updates only when the stored version is the one the editor saw; undefined means someone saved in between. */
  async updateAgreement(
    collaborationId: string,
    id: string,
    version: number,
    values: Partial<typeof agreements.$inferInsert>,
  ): Promise<AgreementRow | undefined> {
    const [row] = await this.db
      .update(agreements)
      .set({ ...values, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(agreements.id, id),
          eq(agreements.collaborationId, collaborationId),
          eq(agreements.version, version),
        ),
      )
      .returning();
    return row;
  }

  async deleteAgreement(collaborationId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(agreements)
      .where(and(eq(agreements.id, id), eq(agreements.collaborationId, collaborationId)))
      .returning({ id: agreements.id });
    return rows.length > 0;
  }

  async actions(collaborationIds: string[]): Promise<ActionRow[]> {
    if (!collaborationIds.length) return [];
    return this.db
      .select()
      .from(actions)
      .where(inArray(actions.collaborationId, collaborationIds))
      .orderBy(asc(actions.dueDate), asc(actions.createdAt));
  }

  async createAction(values: typeof actions.$inferInsert): Promise<ActionRow> {
    const [row] = await this.db.insert(actions).values(values).returning();
    return row!;
  }

  /** Updates only when the stored version is the one the editor saw; undefined means someone saved in between. */
  async updateAction(
    collaborationId: string,
    id: string,
    version: number,
    values: Partial<typeof actions.$inferInsert>,
  ) {
    const [row] = await this.db
      .update(actions)
      .set({ ...values, version: sql`${actions.version} + 1` })
      .where(
        and(eq(actions.id, id), eq(actions.collaborationId, collaborationId), eq(actions.version, version)),
      )
      .returning();
    return row;
  }

  async findAction(collaborationId: string, id: string) {
    const [row] = await this.db
      .select()
      .from(actions)
      .where(and(eq(actions.id, id), eq(actions.collaborationId, collaborationId)));
    return row;
  }

  async deleteAction(collaborationId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(actions)
      .where(and(eq(actions.id, id), eq(actions.collaborationId, collaborationId)))
      .returning({ id: actions.id });
    return rows.length > 0;
  }
}
