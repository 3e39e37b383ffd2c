import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import {
  actions,
  agreements,
  collaborationInvitations,
  collaborationParticipants,
  collaborations,
  ratings,
  roundParticipation,
  rounds,
} from '../../db/schema/index.ts';

export type CollaborationRow = typeof collaborations.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;
export type CollaborationInvitationRow = typeof collaborationInvitations.$inferSelect;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type ParticipantRow = { organisationId: string; name: string; type: string; joinedAt: Date };

export class CollaborationsRepository {
  constructor(private readonly db: Db) {}

  async create(values: typeof collaborations.$inferInsert): Promise<CollaborationRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(collaborations).values(values).returning();
      await tx
        .insert(collaborationParticipants)
        .values({ collaborationId: row!.id, organisationId: values.createdByOrganisationId });
      await tx.insert(rounds).values({ collaborationId: row!.id, number: 1 });
      return row!;
    });
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

  /** Active participants with their organisation's name and type (read here to spare a round trip per card). */
  async participants(collaborationIds: string[]): Promise<(ParticipantRow & { collaborationId: string })[]> {
    if (!collaborationIds.length) return [];
    return queryRows(
      this.db,
      sql`select p.collaboration_id as "collaborationId", o.id as "organisationId", o.name, o.type, p.joined_at as "joinedAt"
            from collaboration_participants p join organisations o on o.id = p.organisation_id
           where p.collaboration_id in (${sql.join(
             collaborationIds.map((id) => sql`${id}`),
             sql`, `,
           )}) and p.left_at is null
           order by p.joined_at, o.name`,
    );
  }

  async rounds(collaborationIds: string[]): Promise<RoundRow[]> {
    if (!collaborationIds.length) return [];
    return this.db
      .select()
      .from(rounds)
      .where(inArray(rounds.collaborationId, collaborationIds))
      .orderBy(asc(rounds.collaborationId), asc(rounds.number));
  }

  async participation(roundIds: string[]) {
    if (!roundIds.length) return [];
    return this.db.select().from(roundParticipation).where(inArray(roundParticipation.roundId, roundIds));
  }

  /** Ratings of the given rounds; with `organisationId`, only that organisation's. */
  async ratings(roundIds: string[], organisationId?: string): Promise<RatingRow[]> {
    if (!roundIds.length) return [];
    const where = organisationId
      ? and(inArray(ratings.roundId, roundIds), eq(ratings.organisationId, organisationId))
      : inArray(ratings.roundId, roundIds);
    return this.db.select().from(ratings).where(where);
  }

  /** Runs work with the round row locked, so submissions and reveals of one round happen one at a time. */
  async withLockedRound<T>(roundId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select id from rounds where id = ${roundId} for update`);
      return work(tx);
    });
  }

  async roundState(tx: Tx, roundId: string, organisationId: string) {
    const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId));
    const [participation] = await tx
      .select()
      .from(roundParticipation)
      .where(
        and(eq(roundParticipation.roundId, roundId), eq(roundParticipation.organisationId, organisationId)),
      );
    return { round, participation };
  }

  async upsertRating(tx: Tx, values: typeof ratings.$inferInsert): Promise<RatingRow> {
    const [row] = await tx
      .insert(ratings)
      .values(values)
      .onConflictDoUpdate({
        target: [ratings.roundId, ratings.organisationId, ratings.topicId],
        set: {
          rating: values.rating,
          notRelevant: values.notRelevant,
          answer: values.answer,
          updatedAt: new Date(),
        },
      })
      .returning();
    return row!;
  }

  async markParticipation(
    tx: Tx,
    roundId: string,
    organisationId: string,
    change: { submittedAt?: Date; earlyRevealAt?: Date },
  ): Promise<void> {
    await tx
      .insert(roundParticipation)
      .values({ roundId, organisationId, ...change })
      .onConflictDoUpdate({
        target: [roundParticipation.roundId, roundParticipation.organisationId],
        set: change,
      });
  }

  /** Reveals the round when every active participant submitted, or all agreed to reveal early. */
  async revealIfReady(tx: Tx, roundId: string, collaborationId: string): Promise<boolean> {
    const [state] = await queryRows<{
      participants: number;
      submitted: number;
      early: number;
      revealed: boolean;
    }>(
      tx as unknown as Db,
      sql`select count(*)::int as participants,
                 count(rp.submitted_at)::int as submitted,
                 count(rp.early_reveal_at)::int as early,
                 bool_or(r.revealed_at is not null) as revealed
            from collaboration_participants p
            join rounds r on r.id = ${roundId}
            left join round_participation rp on rp.round_id = r.id and rp.organisation_id = p.organisation_id
           where p.collaboration_id = ${collaborationId} and p.left_at is null`,
    );
    if (!state || state.revealed || state.participants === 0) return false;
    const reason =
      state.submitted === state.participants
        ? 'all-submitted'
        : state.early === state.participants
          ? 'early'
          : null;
    if (!reason) return false;
    await tx
      .update(rounds)
      .set({ revealedAt: new Date(), revealReason: reason })
      .where(eq(rounds.id, roundId));
    return true;
  }

  async startRound(collaborationId: string, number: number): Promise<RoundRow | undefined> {
    const [row] = await this.db
      .insert(rounds)
      .values({ collaborationId, number })
      .onConflictDoNothing()
      .returning();
    return row;
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

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async createInvitation(
    values: typeof collaborationInvitations.$inferInsert,
  ): Promise<CollaborationInvitationRow> {
    const [row] = await this.db.insert(collaborationInvitations).values(values).returning();
    return row!;
  }

  async findInvitationByHash(tokenHash: string) {
    const [row] = await queryRows<{
      id: string;
      collaborationId: string;
      expiresAt: Date;
      acceptedAt: Date | null;
      declinedAt: Date | null;
      revokedAt: Date | null;
      collaborationName: string;
      archivedAt: Date | null;
      invitedBy: string;
    }>(
      this.db,
      sql`select i.id, i.collaboration_id as "collaborationId", i.expires_at as "expiresAt", i.accepted_at as "acceptedAt",
                 i.declined_at as "declinedAt", i.revoked_at as "revokedAt", c.name as "collaborationName",
                 c.archived_at as "archivedAt", o.name as "invitedBy"
            from collaboration_invitations i
            join collaborations c on c.id = i.collaboration_id
            join organisations o on o.id = i.invited_by_organisation_id
           where i.token_hash = ${tokenHash}`,
    );
    return row;
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

  async updateAction(collaborationId: string, id: string, values: Partial<typeof actions.$inferInsert>) {
    const [row] = await this.db
      .update(actions)
      .set(values)
      .where(and(eq(actions.id, id), eq(actions.collaborationId, collaborationId)))
      .returning();
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
