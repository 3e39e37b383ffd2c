import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, agreementApprovals, agreements, users } from '../../db/schema/index.ts';

export type AgreementRow = typeof agreements.$inferSelect;
/** An action with the name of the member who owns it, when one does. */
export type ActionRow = typeof actions.$inferSelect & { ownerName: string | null };
export type ApprovalRow = { agreementId: string; organisationId: string; approvedAt: Date };

const actionColumns = { ...getTableColumns(actions), ownerName: users.name };

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

  async approvals(agreementIds: string[]): Promise<ApprovalRow[]> {
    if (!agreementIds.length) return [];
    return this.db
      .select({
        agreementId: agreementApprovals.agreementId,
        organisationId: agreementApprovals.organisationId,
        approvedAt: agreementApprovals.approvedAt,
      })
      .from(agreementApprovals)
      .where(inArray(agreementApprovals.agreementId, agreementIds))
      .orderBy(asc(agreementApprovals.approvedAt));
  }

  /**
   * Records that an organisation agrees to the agreement's text of `version`. 'missing' when there is no such
   * agreement, the current row when the version moved on (someone changed the text in between).
   */
  async approve(
    collaborationId: string,
    id: string,
    version: number,
    approval: { organisationId: string; approvedBy: string },
  ): Promise<'missing' | { conflict: AgreementRow } | AgreementRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(agreements)
        .where(and(eq(agreements.id, id), eq(agreements.collaborationId, collaborationId)))
        .for('update');
      if (!row) return 'missing';
      if (row.version !== version) return { conflict: row };
      await tx
        .insert(agreementApprovals)
        .values({ agreementId: id, ...approval })
        .onConflictDoNothing();
      return row;
    });
  }

  async withdrawApproval(collaborationId: string, id: string, organisationId: string) {
    const row = await this.findAgreement(collaborationId, id);
    if (!row) return undefined;
    await this.db
      .delete(agreementApprovals)
      .where(
        and(eq(agreementApprovals.agreementId, id), eq(agreementApprovals.organisationId, organisationId)),
      );
    return row;
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

  /**
   * Updates only when the stored version is the one the editor saw; undefined means someone saved in between.
   * A changed text is a new proposal: every organisation's agreement to the old one is withdrawn.
   */
  async updateAgreement(
    collaborationId: string,
    id: string,
    version: number,
    values: Partial<typeof agreements.$inferInsert>,
  ): Promise<AgreementRow | undefined> {
    return this.db.transaction(async (tx) => {
      const where = and(
        eq(agreements.id, id),
        eq(agreements.collaborationId, collaborationId),
        eq(agreements.version, version),
      );
      const [before] = await tx.select({ text: agreements.text }).from(agreements).where(where).for('update');
      if (!before) return undefined;
      if (values.text !== undefined && values.text !== before.text)
        await tx.delete(agreementApprovals).where(eq(agreementApprovals.agreementId, id));
      const [row] = await tx
        .update(agreements)
        .set({ ...values, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
        .where(where)
        .returning();
      return row;
    });
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
      .select(actionColumns)
      .from(actions)
      .leftJoin(users, eq(users.id, actions.ownerUserId))
      .where(inArray(actions.collaborationId, collaborationIds))
      .orderBy(asc(actions.dueDate), asc(actions.createdAt));
  }

  async createAction(values: typeof actions.$inferInsert): Promise<ActionRow> {
    const [row] = await this.db.insert(actions).values(values).returning({ id: actions.id });
    return (await this.findAction(values.collaborationId, row!.id))!;
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
      .returning({ id: actions.id });
    return row ? this.findAction(collaborationId, row.id) : undefined;
  }

  async findAction(collaborationId: string, id: string): Promise<ActionRow | undefined> {
    const [row] = await this.db
      .select(actionColumns)
      .from(actions)
      .leftJoin(users, eq(users.id, actions.ownerUserId))
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
