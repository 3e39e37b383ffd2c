import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { programmeInvitations, programmeMembers, programmes } from '../../db/schema/index.ts';

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

  async members(programmeId: string) {
    return queryRows<{
      organisationId: string;
      name: string;
      type: string;
      joinedAt: Date;
      consentAt: Date | null;
    }>(
      this.db,
      sql`select o.id as "organisationId", o.name, o.type, m.joined_at as "joinedAt", m.consent_at as "consentAt"
            from programme_members m join organisations o on o.id = m.organisation_id
           where m.programme_id = ${programmeId} order by o.name`,
    );
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

  /**
   * The cohort's answer counts per statement and value, computed in SQL over the submitted self-assessments of
   * organisations that consent now, split into respondents inside and outside the filters (for the subtraction
   * check). One respondent is one organisation's submitted assessment of one collaboration round; its answers
   * are read from round_participation.assessment_values, one row per respondent.
   */
  async cohortCounts(programmeId: string, filter: { type?: string; round?: number }, items: number) {
    const type = filter.type ?? null;
    const round = filter.round ?? null;
    const columns = sql.raw(
      Array.from({ length: items }, (_, k) =>
        [1, 2, 3, 4, 5]
          .map((v) => `count(*) filter (where rp.assessment_values[${k + 1}] = ${v})::int as "c${k}_${v}"`)
          .join(', '),
      ).join(', '),
    );
    return queryRows<Record<string, number> & { filtered: boolean }>(
      this.db,
      sql`select (${type}::text is null or o.type = ${type}::text) and (${round}::int is null or r.number = ${round}::int) as filtered,
                 ${columns}
            from programme_members m
            join round_participation rp on rp.organisation_id = m.organisation_id and rp.assessment_submitted_at is not null
            join rounds r on r.id = rp.round_id
            join organisations o on o.id = m.organisation_id
           where m.programme_id = ${programmeId} and m.consent_at is not null
           group by 1`,
    );
  }
}
