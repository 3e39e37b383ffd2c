import { and, asc, count, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { MemberRole } from '../../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { invitations, memberships, organisations } from '../../db/schema/index.ts';
import { type MemberRow, membersOf } from '../../read-models/people.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationValues = Omit<typeof organisations.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type InvitationRow = typeof invitations.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export class OrganisationsRepository {
  constructor(private readonly db: Db) {}

  async create(values: OrganisationValues, adminUserId: string): Promise<OrganisationRow> {
    return this.db.transaction(async (tx) => {
      const [org] = await tx
        .insert(organisations)
        .values({ ...values, createdBy: adminUserId })
        .returning();
      await tx.insert(memberships).values({ organisationId: org!.id, userId: adminUserId, role: 'admin' });
      return org!;
    });
  }

  async findById(id: string): Promise<OrganisationRow | undefined> {
    const [row] = await this.db.select().from(organisations).where(eq(organisations.id, id));
    return row;
  }

  async update(id: string, values: Partial<OrganisationValues>): Promise<OrganisationRow | undefined> {
    const [row] = await this.db
      .update(organisations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(organisations.id, id))
      .returning();
    return row;
  }

  /** Sets or clears the moment the organisation is to be erased. */
  async setDeletionDue(id: string, due: Date | null): Promise<OrganisationRow | undefined> {
    const [row] = await this.db
      .update(organisations)
      .set({ deletionDueAt: due })
      .where(and(eq(organisations.id, id), isNull(organisations.erasedAt)))
      .returning();
    return row;
  }

  async dueForErasure(now: Date): Promise<string[]> {
    const rows = await this.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(lte(organisations.deletionDueAt, now), isNull(organisations.erasedAt)));
    return rows.map((r) => r.id);
  }

  async findMembership(organisationId: string, userId: string) {
    const [row] = await this.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    return row;
  }

  async listMembershipsOfUser(userId: string) {
    return this.db
      .select({ organisationId: organisations.id, name: organisations.name, role: memberships.role })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organisations.name), asc(organisations.id));
  }

  listMembers(organisationId: string): Promise<MemberRow[]> {
    return membersOf(this.db, organisationId);
  }

  /**
   * Runs a membership change with the organisation row locked, so two admins removing each other at the
   * same moment cannot leave the organisation without an admin.
   */
  async withLockedMemberships<T>(organisationId: string, work: (tx: MembershipTx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select id from organisations where id = ${organisationId} for update`);
      return work(new MembershipTx(tx, organisationId));
    });
  }

  async addMember(organisationId: string, userId: string, role: MemberRole): Promise<void> {
    await this.db.insert(memberships).values({ organisationId, userId, role }).onConflictDoNothing();
  }

  async createInvitation(values: typeof invitations.$inferInsert): Promise<InvitationRow> {
    const [row] = await this.db.insert(invitations).values(values).returning();
    return row!;
  }

  async listInvitations(organisationId: string): Promise<InvitationRow[]> {
    return this.db
      .select()
      .from(invitations)
      .where(eq(invitations.organisationId, organisationId))
      .orderBy(desc(invitations.createdAt))
      .limit(200);
  }

  async findInvitationByHash(tokenHash: string) {
    const [row] = await this.db
      .select({ invitation: invitations, organisationName: organisations.name })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .where(eq(invitations.tokenHash, tokenHash));
    return row;
  }

  async revokeInvitation(organisationId: string, id: string): Promise<InvitationRow | undefined> {
    const [row] = await this.db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.organisationId, organisationId),
          sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`,
        ),
      )
      .returning();
    return row;
  }

  /** Marks the invitation accepted and adds the member in one transaction; false when it was already used. */
  async acceptInvitation(invitation: InvitationRow, userId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const used = await tx
        .update(invitations)
        .set({ acceptedAt: new Date(), acceptedBy: userId })
        .where(
          and(
            eq(invitations.id, invitation.id),
            sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null and ${invitations.expiresAt} > now()`,
          ),
        )
        .returning({ id: invitations.id });
      if (used.length === 0) return false;
      await tx
        .insert(memberships)
        .values({ organisationId: invitation.organisationId, userId, role: invitation.role })
        .onConflictDoNothing();
      return true;
    });
  }
}

export class MembershipTx {
  constructor(
    private readonly tx: Tx,
    private readonly organisationId: string,
  ) {}

  async role(userId: string): Promise<MemberRole | undefined> {
    const [row] = await this.tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organisationId, this.organisationId), eq(memberships.userId, userId)));
    return row?.role;
  }

  async adminCount(): Promise<number> {
    const [row] = await this.tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.organisationId, this.organisationId), eq(memberships.role, 'admin')));
    return row?.n ?? 0;
  }

  async remove(userId: string): Promise<void> {
    await this.tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, this.organisationId), eq(memberships.userId, userId)));
  }

  async setRole(userId: string, role: MemberRole): Promise<void> {
    await this.tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organisationId, this.organisationId), eq(memberships.userId, userId)));
  }
}
