import { and, eq, inArray, sql } from 'drizzle-orm';
import { refreshAssessmentValues } from '../../db/assessment-values.ts';
import type { Db } from '../../db/client.ts';
import { holdOrganisation } from '../../db/organisation-hold.ts';
import { assessmentAnswers, impactAmbitions, roundParticipation } from '../../db/schema/index.ts';

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
        partnershipAmbition: roundParticipation.partnershipAmbition,
      })
      .from(roundParticipation)
      .where(eq(roundParticipation.roundId, roundId));
  }

  /** Saves a draft in one transaction, so a half-saved form never shows; false when the organisation is erased. */
  async save(
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
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await holdOrganisation(tx, organisationId))) return false;
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
        await tx
          .insert(roundParticipation)
          .values({ roundId, organisationId, partnershipAmbition: draft.partnershipAmbition })
          .onConflictDoUpdate({
            target: [roundParticipation.roundId, roundParticipation.organisationId],
            set: { partnershipAmbition: draft.partnershipAmbition },
          });
      }
      return true;
    });
  }

  /** False when the organisation is erased. */
  async submit(roundId: string, organisationId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await holdOrganisation(tx, organisationId))) return false;
      await tx
        .insert(roundParticipation)
        .values({ roundId, organisationId, assessmentSubmittedAt: new Date() })
        .onConflictDoUpdate({
          target: [roundParticipation.roundId, roundParticipation.organisationId],
          set: { assessmentSubmittedAt: new Date() },
        });
      return true;
    });
  }
}
