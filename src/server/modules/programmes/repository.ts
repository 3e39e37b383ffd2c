import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
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

  /** Open invitations sent to an address, newest first. */
  async invitationsTo(email: string, now: Date) {
    return this.db
      .select({ invitation: programmeInvitations, programmeName: programmes.name })
      .from(programmeInvitations)
      .innerJoin(programmes, eq(programmes.id, programmeInvitations.programmeId))
      .where(
        and(
          eq(programmeInvitations.email, email),
          isNull(programmeInvitations.revokedAt),
          gt(programmeInvitations.expiresAt, now),
        ),
      )
      .orderBy(desc(programmeInvitations.createdAt));
  }

  async findInvitationById(id: string) {
    const [row] = await this.db
      .select({ invitation: programmeInvitations, programmeName: programmes.name })
      .from(programmeInvitations)
      .innerJoin(programmes, eq(programmes.id, programmeInvitations.programmeId))
      .where(eq(programmeInvitations.id, id));
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
   * Publishes a snapshot as one step. `plan` decides the figures from the respondents now, every snapshot the
   * facilitator has published in any of their programmes (one organisation may be in two of them: comparing
   * the programmes' charts must not single it out), and this programme's latest. The facilitator is locked,
   * so two publications never plan against the same history.
   */
  async publishSnapshot(
    programmeId: string,
    facilitatorId: string,
    plan: (
      current: CohortRespondent[],
      previous: PublishedSnapshot[],
      latestOfProgramme: PublishedSnapshot | undefined,
    ) => CohortFigures,
  ): Promise<SnapshotRow> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cohort:${facilitatorId}`}))`);
      const rows = await cohortRespondents(tx, programmeId, facilitatorId);
      const current = rows.map((r) => ({ ...r, key: respondentKey(r) }));
      // Snapshots and their respondents apart: joined, every respondent row would carry the snapshot's figures.
      const snapshots = await tx
        .select({
          id: cohortSnapshots.id,
          programmeId: cohortSnapshots.programmeId,
          number: cohortSnapshots.number,
          figures: cohortSnapshots.figures,
        })
        .from(cohortSnapshots)
        .innerJoin(programmes, eq(programmes.id, cohortSnapshots.programmeId))
        .where(eq(programmes.facilitatorId, facilitatorId))
        .orderBy(asc(cohortSnapshots.publishedAt), asc(cohortSnapshots.number));
      const previous = new Map(
        snapshots.map((s) => [s.id, { figures: s.figures, respondents: [] as SnapshotRespondent[] }]),
      );
      if (snapshots.length) {
        const kept = await tx
          .select({
            snapshotId: cohortSnapshotRespondents.snapshotId,
            roundId: cohortSnapshotRespondents.roundId,
            organisationId: cohortSnapshotRespondents.organisationId,
            type: cohortSnapshotRespondents.organisationType,
            period: cohortSnapshotRespondents.period,
            latest: cohortSnapshotRespondents.latest,
            latestInPeriod: cohortSnapshotRespondents.latestInPeriod,
            known: cohortSnapshotRespondents.known,
            answered: cohortSnapshotRespondents.answered,
          })
          .from(cohortSnapshotRespondents)
          .innerJoin(cohortSnapshots, eq(cohortSnapshots.id, cohortSnapshotRespondents.snapshotId))
          .innerJoin(programmes, eq(programmes.id, cohortSnapshots.programmeId))
          .where(eq(programmes.facilitatorId, facilitatorId));
        for (const { snapshotId, roundId, organisationId, ...r } of kept)
          previous
            .get(snapshotId)!
            .respondents.push({ ...r, key: respondentKey({ roundId, organisationId }) });
      }
      const own = snapshots.filter((s) => s.programmeId === programmeId);
      const latest = own.length ? previous.get(own.at(-1)!.id) : undefined;
      const figures = plan(current, [...previous.values()], latest);
      const [snapshot] = await tx
        .insert(cohortSnapshots)
        .values({ programmeId, number: own.length + 1, publishedBy: facilitatorId, figures })
        .returning();
      // One statement over a JSON array rather than thousands of rows of parameters: a national cohort has
      // tens of thousands of respondents.
      const kept = rows.map((r) => ({
        round_id: r.roundId,
        organisation_id: r.organisationId,
        organisation_type: r.type,
        round_number: r.round,
        period: r.period,
        latest: r.latest,
        latest_in_period: r.latestInPeriod,
        answered: answeredMask(r.values),
        known: r.known,
      }));
      await tx.execute(sql`
        insert into cohort_snapshot_respondents
          (snapshot_id, round_id, organisation_id, organisation_type, round_number, period, latest, latest_in_period,
           answered, known)
        select ${snapshot!.id}::uuid, r.round_id, r.organisation_id, r.organisation_type, r.round_number, r.period,
               r.latest, r.latest_in_period, r.answered, r.known
          from jsonb_to_recordset(${JSON.stringify(kept)}::jsonb)
               as r(round_id uuid, organisation_id uuid, organisation_type text, round_number int, period int,
                    latest boolean, latest_in_period boolean, answered int, known boolean)`);
      return snapshot!;
    });
  }
}
