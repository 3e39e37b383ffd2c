import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { type RevealState, revealProgress } from '../../../domain/reveal/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import { participationOf } from '../../db/round-participation.ts';
import { ratings, roundParticipation, rounds } from '../../db/schema/index.ts';

export type RoundRow = typeof rounds.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;
export type ParticipationRow = typeof roundParticipation.$inferSelect;

/** Rounds of the wheel, each organisation's ratings in them, and who submitted or agreed to reveal early. */
export class WheelRepository {
  constructor(private readonly db: Db) {}

  async openRound(collaborationId: string, number: number, tx?: Tx): Promise<RoundRow | undefined> {
    const [row] = await (tx ?? this.db)
      .insert(rounds)
      .values({ collaborationId, number })
      .onConflictDoNothing()
      .returning();
    return row;
  }

  async rounds(collaborationIds: string[], tx?: Tx): Promise<RoundRow[]> {
    if (!collaborationIds.length) return [];
    return (tx ?? this.db)
      .select()
      .from(rounds)
      .where(inArray(rounds.collaborationId, collaborationIds))
      .orderBy(asc(rounds.collaborationId), asc(rounds.number));
  }

  async currentRound(collaborationId: string, tx?: Tx): Promise<RoundRow> {
    const [row] = await (tx ?? this.db)
      .select()
      .from(rounds)
      .where(eq(rounds.collaborationId, collaborationId))
      .orderBy(sql`${rounds.number} desc`)
      .limit(1);
    return row!;
  }

  async participation(roundIds: string[]): Promise<ParticipationRow[]> {
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

  /**
   * Ratings of revealed rounds as partners see them: only of organisations that submitted the round or agreed
   * to reveal it early. A partner that left before submitting keeps its drafts to itself.
   */
  async revealedRatings(roundIds: string[]): Promise<RatingRow[]> {
    if (!roundIds.length) return [];
    const rows = await this.db
      .select({ rating: ratings })
      .from(ratings)
      .innerJoin(
        roundParticipation,
        and(
          eq(roundParticipation.roundId, ratings.roundId),
          eq(roundParticipation.organisationId, ratings.organisationId),
          or(isNotNull(roundParticipation.submittedAt), isNotNull(roundParticipation.earlyRevealAt)),
        ),
      )
      .where(inArray(ratings.roundId, roundIds));
    return rows.map((r) => r.rating);
  }

  /** Runs work with the round row locked, so submissions and reveals of one round happen one at a time. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async lockRound(tx: Tx, roundId: string): Promise<void> {
    await tx.execute(sql`select id from rounds where id = ${roundId} for update`);
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

  /** Reveals the round when the given (taking-part) organisations meet the reveal rule (domain/reveal). */
  async revealIfReady(tx: Tx, roundId: string, organisationIds: string[]): Promise<boolean> {
    const [round] = await tx
      .select({ revealedAt: rounds.revealedAt })
      .from(rounds)
      .where(eq(rounds.id, roundId));
    if (!round || round.revealedAt) return false;
    const { reason } = revealProgress(await this.states(tx, roundId, organisationIds));
    if (!reason) return false;
    await tx
      .update(rounds)
      .set({ revealedAt: new Date(), revealReason: reason })
      .where(eq(rounds.id, roundId));
    return true;
  }

  /** Each taking-part organisation's state in the round, also of those that never answered. */
  private async states(tx: Tx, roundId: string, organisationIds: string[]): Promise<RevealState[]> {
    return (await participationOf(tx, roundId, organisationIds)).map((row) => ({
      submitted: Boolean(row?.submittedAt),
      earlyReveal: Boolean(row?.earlyRevealAt),
    }));
  }
}
