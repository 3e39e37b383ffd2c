import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  collaborationInvitations,
  collaborationParticipants,
  collaborations,
} from '../../db/schema/index.ts';
import {
  activeParticipants,
  type CollaborationPersonRow,
  collaborationPeople,
  type FormerParticipantRow,
  formerParticipants,
  type ParticipantRow,
  type PartnerInvitationRow,
  partnerInvitationByHash,
  partnerInvitationsWhere,
} from '../../read-models/collaboration-partners.ts';

export type CollaborationRow = typeof collaborations.$inferSelect;
export type CollaborationInvitationRow = typeof collaborationInvitations.$inferSelect;
export type { FormerParticipantRow, ParticipantRow, PartnerInvitationRow };

/** Collaborations, who takes part in them, and partner invitations. */
export class CollaborationsRepository {
  constructor(private readonly db: Db) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async create(tx: Tx, values: typeof collaborations.$inferInsert): Promise<CollaborationRow> {
    const [row] = await tx.insert(collaborations).values(values).returning();
    await tx
      .insert(collaborationParticipants)
      .values({ collaborationId: row!.id, organisationId: values.createdByOrganisationId });
    return row!;
  }

  /** The collaboration, only when the organisation takes part in it now. */
  async findForParticipant(
    collaborationId: string,
    organisationId: string,
  ): Promise<CollaborationRow | undefined> {
    const [row] = await this.db
      .select({ collaboration: collaborations })
      .from(collaborations)
      .innerJoin(
        collaborationParticipants,
        and(
          eq(collaborationParticipants.collaborationId, collaborations.id),
          eq(collaborationParticipants.organisationId, organisationId),
          isNull(collaborationParticipants.leftAt),
        ),
      )
      .where(eq(collaborations.id, collaborationId));
    return row?.collaboration;
  }

  async update(
    id: string,
    values: Partial<typeof collaborations.$inferInsert>,
  ): Promise<CollaborationRow | undefined> {
    const [row] = await this.db
      .update(collaborations)
      .set(values)
      .where(eq(collaborations.id, id))
      .returning();
    return row;
  }

  async listForOrganisation(organisationId: string): Promise<CollaborationRow[]> {
    const rows = await this.db
      .select({ collaboration: collaborations })
      .from(collaborations)
      .innerJoin(
        collaborationParticipants,
        and(
          eq(collaborationParticipants.collaborationId, collaborations.id),
          eq(collaborationParticipants.organisationId, organisationId),
          isNull(collaborationParticipants.leftAt),
        ),
      )
      .orderBy(desc(collaborations.createdAt));
    return rows.map((r) => r.collaboration);
  }

  formerParticipants(collaborationIds: string[]): Promise<FormerParticipantRow[]> {
    return formerParticipants(this.db, collaborationIds);
  }

  participants(collaborationIds: string[], tx?: Tx): Promise<ParticipantRow[]> {
    return activeParticipants(tx ?? this.db, collaborationIds);
  }

  people(collaborationIds: string[]): Promise<CollaborationPersonRow[]> {
    return collaborationPeople(this.db, collaborationIds);
  }

  async addParticipant(tx: Tx, collaborationId: string, organisationId: string): Promise<void> {
    await tx
      .insert(collaborationParticipants)
      .values({ collaborationId, organisationId })
      .onConflictDoUpdate({
        target: [collaborationParticipants.collaborationId, collaborationParticipants.organisationId],
        set: { leftAt: null, joinedAt: new Date() },
      });
  }

  async leave(tx: Tx, collaborationId: string, organisationId: string): Promise<void> {
    await tx
      .update(collaborationParticipants)
      .set({ leftAt: new Date() })
      .where(
        and(
          eq(collaborationParticipants.collaborationId, collaborationId),
          eq(collaborationParticipants.organisationId, organisationId),
        ),
      );
  }

  async createInvitation(
    values: typeof collaborationInvitations.$inferInsert,
  ): Promise<CollaborationInvitationRow> {
    const [row] = await this.db.insert(collaborationInvitations).values(values).returning();
    return row!;
  }

  findInvitationByHash(tokenHash: string): Promise<PartnerInvitationRow | undefined> {
    return partnerInvitationByHash(this.db, tokenHash);
  }

  invitationsTo(email: string): Promise<PartnerInvitationRow[]> {
    return partnerInvitationsWhere(this.db, { email });
  }

  async findInvitation(id: string): Promise<PartnerInvitationRow | undefined> {
    return (await partnerInvitationsWhere(this.db, { id }))[0];
  }

  async closeInvitation(
    tx: Tx,
    id: string,
    change: { acceptedAt?: Date; acceptedByOrganisationId?: string; declinedAt?: Date },
  ): Promise<boolean> {
    const rows = await tx
      .update(collaborationInvitations)
      .set(change)
      .where(
        and(
          eq(collaborationInvitations.id, id),
          sql`accepted_at is null and declined_at is null and revoked_at is null and expires_at > now()`,
        ),
      )
      .returning({ id: collaborationInvitations.id });
    return rows.length > 0;
  }
}
