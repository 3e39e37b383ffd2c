import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { revealProgress } from '../../../domain/reveal/index.ts';
import { refreshAssessmentValues } from '../../db/assessment-values.ts';
import type { Db, Tx } from '../../db/client.ts';
import { holdOrganisation } from '../../db/organisation-hold.ts';
import { participationOf } from '../../db/round-participation.ts';
import { assessmentAnswers, impactAmbitions, roundParticipation, rounds } from '../../db/schema/index.ts';

export type AssessmentAnswerRow = typeof assessmentAnswers.$inferSelect;
export type AmbitionRow = typeof impactAmbitions.$inferSelect;

/** The self-assessment's tables: answers, impact ambitions, and its columns of round_participation. */
export class AssessmentRepository {
  constructor(private readonly db: Db) {}

  async answers(roundIds: string[], organisationId?: string): Promise<AssessmentAnswerRow[]> {
    if (!roundIds.length) return [];
    return this.db
      .select()
      .from(assessmentAnswers)
      .where(
        organisationId
          ? and(
              inArray(assessmentAnswers.roundId, roundIds),
              eq(assessmentAnswers.organisationId, organisationId),
            )
          : inArray(assessmentAnswers.roundId, roundIds),
      );
  }

  /** The answers partners were shown: of organisations that submitted or chose early reveal, in the given rounds. */
  async revealedAnswers(roundIds: string[]): Promise<AssessmentAnswerRow[]> {
    if (!roundIds.length) return [];
    const rows = await this.db
      .select({ answer: assessmentAnswers })
      .from(assessmentAnswers)
      .innerJoin(
        roundParticipation,
        and(
          eq(roundParticipation.roundId, assessmentAnswers.roundId),
          eq(roundParticipation.organisationId, assessmentAnswers.organisationId),
          or(
            isNotNull(roundParticipation.assessmentSubmittedAt),
            isNotNull(roundParticipation.assessmentEarlyRevealAt),
          ),
        ),
      )
      .where(inArray(assessmentAnswers.roundId, roundIds));
    return rows.map((r) => r.answer);
  }

  async lock(tx: Tx, roundId: string): Promise<void> {
    await tx.execute(sql`select id from rounds where id = ${roundId} for update`);
  }

  async ambitions(roundId: string, organisationId?: string): Promise<AmbitionRow[]> {
    return this.db
      .select()
      .from(impactAmbitions)
      .where(
        organisationId
          ? and(eq(impactAmbitions.roundId, roundId), eq(impactAmbitions.organisationId, organisationId))
          : eq(impactAmbitions.roundId, roundId),
      );
  }

  async participation(roundId: string) {
    return this.db
      .select({
        organisationId: roundParticipation.organisationId,
        assessmentSubmittedAt: roundParticipation.assessmentSubmittedAt,
        assessmentEarlyRevealAt: roundParticipation.assessmentEarlyRevealAt,
        partnershipAmbition: roundParticipation.partnershipAmbition,
      })
      .from(roundParticipation)
      .where(eq(roundParticipation.roundId, roundId));
  }

  /**
   * The acting organisation's writes to a round's self-assessment, one at a time with its reveal, never after
   * its erasure (db/organisation-hold.ts, taken first) and never after the self-assessment was revealed.
   */
  async write<T>(
    roundId: string,
    organisationId: string,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T | 'erased' | 'revealed'> {
    return this.db.transaction(async (tx) => {
      if (!(await holdOrganisation(tx, organisationId))) return 'erased';
      const [round] = await tx
        .select({ revealedAt: rounds.assessmentRevealedAt })
        .from(rounds)
        .where(eq(rounds.id, roundId))
        .for('update');
      if (!round) return 'erased';
      if (round.revealedAt) return 'revealed';
      return work(tx);
    });
  }

  /** Saves a draft inside `write`, so a half-saved form never shows. */
  async save(
    tx: Tx,
    roundId: string,
    organisationId: string,
    draft: {
      answers: { itemId: string; value: number | null }[];
      ambitions: {
        level: 'individual' | 'organisation' | 'society';
        text: string | null;
        priority: number | null;
      }[];
      partnershipAmbition?: 'transaction' | 'integration' | 'transformation' | null;
    },
  ): Promise<void> {
    if (draft.answers.length) {
      await tx
        .insert(assessmentAnswers)
        .values(draft.answers.map((a) => ({ roundId, organisationId, itemId: a.itemId, value: a.value })))
        .onConflictDoUpdate({
          target: [assessmentAnswers.roundId, assessmentAnswers.organisationId, assessmentAnswers.itemId],
          set: { value: sql`excluded.value`, updatedAt: new Date() },
        });
      await refreshAssessmentValues(tx, roundId, organisationId);
    }
    if (draft.ambitions.length) {
      await tx
        .insert(impactAmbitions)
        .values(draft.ambitions.map((a) => ({ roundId, organisationId, ...a })))
        .onConflictDoUpdate({
          target: [impactAmbitions.roundId, impactAmbitions.organisationId, impactAmbitions.level],
          set: { text: sql`excluded.text`, priority: sql`excluded.priority`, updatedAt: new Date() },
        });
    }
    if (draft.partnershipAmbition !== undefined) {
      await this.mark(tx, roundId, organisationId, { partnershipAmbition: draft.partnershipAmbition });
    }
  }

  async mark(
    tx: Tx,
    roundId: string,
    organisationId: string,
    change: {
      assessmentSubmittedAt?: Date;
      assessmentEarlyRevealAt?: Date;
      partnershipAmbition?: 'transaction' | 'integration' | 'transformation' | null;
    },
  ): Promise<void> {
    await tx
      .insert(roundParticipation)
      .values({ roundId, organisationId, ...change })
      .onConflictDoUpdate({
        target: [roundParticipation.roundId, roundParticipation.organisationId],
        set: change,
      });
  }

  /** Inside `write`: reveals the self-assessment when the taking-part organisations meet the reveal rule. */
  async revealIfReady(tx: Tx, roundId: string, organisationIds: string[]): Promise<boolean> {
    const { reason } = revealProgress(
      (await participationOf(tx, roundId, organisationIds)).map((row) => ({
        submitted: Boolean(row?.assessmentSubmittedAt),
        earlyReveal: Boolean(row?.assessmentEarlyRevealAt),
      })),
    );
    if (!reason) return false;
    await tx
      .update(rounds)
      .set({ assessmentRevealedAt: new Date(), assessmentRevealReason: reason })
      .where(and(eq(rounds.id, roundId), isNull(rounds.assessmentRevealedAt)));
    return true;
  }
}
