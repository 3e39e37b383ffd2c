import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  answeredMask,
  type CohortFigures,
  type CohortRespondent,
  type PublishedSnapshot,
  type SnapshotRespondent,
} from '../../../domain/disclosure/cohort.ts';
import type { Db } from '../../db/client.ts';
import {
  cohortSnapshotRespondents,
  cohortSnapshots,
  programmeInvitations,
  programmeMembers,
  programmes,
} from '../../db/schema/index.ts';
import {
  cohortChanges,
  cohortRespondents,
  membersOfProgramme,
  type ProgrammeMemberRow,
} from '../../read-models/cohort.ts';

export type SnapshotRow = typeof cohortSnapshots.$inferSelect;
/** One respondent is one organisation's assessment of one round, the same in every snapshot. */
const respondentKey = (r: { roundId: string; organisationId: string }) => `${r.roundId}:${r.organisationId}`;
const INSERT_BATCH = 1000;

export type ProgrammeRow = typeof programmes.$inferSelect;

export class ProgrammesRepository {
  constructor(private readonly db: Db) {}

  async create(values: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
    const [row] = await this.db.insert(programmes).values(values).returning();
    return row!;
  }

  async listForFacilitator(userId: string): Promise<ProgrammeRow[]> {
    return this.db
      .select()
      .from(programmes)
      .where(eq(programmes.facilitatorId, userId))
      .orderBy(desc(programmes.createdAt));
  }

  async findForFacilitator(id: string, userId: string): Promise<ProgrammeRow | undefined> {
    const [row] = await this.db
      .select()
      .from(programmes)
      .where(and(eq(programmes.id, id), eq(programmes.facilitatorId, userId)));
    return row;
  }

  members(programmeId: string): Promise<ProgrammeMemberRow[]> {
    return membersOfProgramme(this.db, programmeId);
  }

  async createInvitation(values: typeof programmeInvitations.$inferInsert) {
    const [row] = await this.db.insert(programmeInvitations).values(values).returning();
    return row!;
  }

  async findInvitation(tokenHash: string) {
    const [row] = await this.db
      .select({ invitation: programmeInvitations, programmeName: programmes.name })
      .from(programmeInvitations)
      .innerJoin(programmes, eq(programmes.id, programmeInvitations.programmeId))
      .where(eq(programmeInvitations.tokenHash, tokenHash));
    return row;
  }

  async join(programmeId: string, organisationId: string): Promise<void> {
    await this.db.insert(programmeMembers).values({ programmeId, organisationId }).onConflictDoNothing();
  }

  async programmesOfOrganisation(organisationId: string) {
    return this.db
      .select({ id: programmes.id, name: programmes.name, consentAt: programmeMembers.consentAt })
      .from(programmeMembers)
      .innerJoin(programmes, eq(programmes.id, programmeMembers.programmeId))
      .where(eq(programmeMembers.organisationId, organisationId))
      .orderBy(programmes.name);
  }

  async setConsent(programmeId: string, organisationId: string, consent: boolean): Promise<boolean> {
    const rows = await this.db
      .update(programmeMembers)
      .set({ consentAt: consent ? new Date() : null })
      .where(
        and(
          eq(programmeMembers.programmeId, programmeId),
          eq(programmeMembers.organisationId, organisationId),
        ),
      )
      .returning({ id: programmeMembers.programmeId });
    return rows.length > 0;
  }

  cohortChanges(programmeId: string, facilitatorId: string): Promise<number> {
    return cohortChanges(this.db, programmeId, facilitatorId);
  }

  /**
   * The newest snapshot that may still be shown: every organisation it rests on still consents. After a
   * withdrawal the chart falls back to an older snapshot without that organisation, or shows nothing.
   */
  async shownSnapshot(programmeId: string): Promise<SnapshotRow | undefined> {
    const [row] = await this.db
      .select()
      .from(cohortSnapshots)
      .where(
        and(
          eq(cohortSnapshots.programmeId, programmeId),
          sql`not exists (
            select 1 from ${cohortSnapshotRespondents} r
             where r.snapshot_id = ${cohortSnapshots.id}
               and not exists (
                 select 1 from ${programmeMembers} m
                  where m.programme_id = ${programmeId} and m.organisation_id = r.organisation_id
                    and m.consent_at is not null))`,
        ),
      )
      .orderBy(desc(cohortSnapshots.number))
      .limit(1);
    return row;
  }

  async latestSnapshotNumber(programmeId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`coalesce(max(${cohortSnapshots.number}), 0)::int` })
      .from(cohortSnapshots)
      .where(eq(cohortSnapshots.programmeId, programmeId));
    return row?.n ?? 0;
  }

  /**
   * Publishes a snapshot as one step: the programme is locked, so two publications never plan against the
   * same history. `plan` decides the figures from the respondents now and every earlier snapshot.
   */
  async publishSnapshot(
    programmeId: string,
    facilitatorId: string,
    plan: (current: CohortRespondent[], previous: PublishedSnapshot[]) => CohortFigures,
  ): Promise<SnapshotRow> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cohort:${programmeId}`}))`);
      const rows = await cohortRespondents(tx, programmeId, facilitatorId);
      const current = rows.map((r) => ({ ...r, key: respondentKey(r) }));
      const history = await tx
        .select({ snapshot: cohortSnapshots, respondent: cohortSnapshotRespondents })
        .from(cohortSnapshots)
        .leftJoin(cohortSnapshotRespondents, eq(cohortSnapshotRespondents.snapshotId, cohortSnapshots.id))
        .where(eq(cohortSnapshots.programmeId, programmeId))
        .orderBy(asc(cohortSnapshots.number));
      const previous = new Map<number, { figures: CohortFigures; respondents: SnapshotRespondent[] }>();
      for (const { snapshot, respondent } of history) {
        const entry = previous.get(snapshot.number) ?? { figures: snapshot.figures, respondents: [] };
        if (respondent)
          entry.respondents.push({
            key: respondentKey(respondent),
            type: respondent.organisationType,
            round: respondent.roundNumber,
            known: respondent.known,
            answered: respondent.answered,
          });
        previous.set(snapshot.number, entry);
      }
      const figures = plan(current, [...previous.values()]);
      const [snapshot] = await tx
        .insert(cohortSnapshots)
        .values({ programmeId, number: previous.size + 1, publishedBy: facilitatorId, figures })
        .returning();
      const kept = rows.map((r) => ({
        snapshotId: snapshot!.id,
        roundId: r.roundId,
        organisationId: r.organisationId,
        organisationType: r.type,
        roundNumber: r.round,
        answered: answeredMask(r.values),
        known: r.known,
      }));
      for (let i = 0; i < kept.length; i += INSERT_BATCH)
        await tx.insert(cohortSnapshotRespondents).values(kept.slice(i, i + INSERT_BATCH));
      return snapshot!;
    });
  }
}
