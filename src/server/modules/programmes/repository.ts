import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { programmeInvitations, programmeMembers, programmes } from '../../db/schema/index.ts';
import {
  type CohortCountRow,
  type CohortFilter,
  cohortCounts,
  membersOfProgramme,
  type ProgrammeMemberRow,
} from '../../read-models/cohort.ts';

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

  cohortCounts(programmeId: string, filter: CohortFilter, items: number): Promise<CohortCountRow[]> {
    return cohortCounts(this.db, programmeId, filter, items);
  }
}
