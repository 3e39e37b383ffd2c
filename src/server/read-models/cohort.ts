// Cohort figures join programmes, organisations, rounds and self-assessments: four modules' tables. Computed
// in SQL so a national installation's cohort is counted by the database, never loaded into Node.
import { type SQL, sql } from 'drizzle-orm';
import type { OrganisationType } from '../../domain/vocabulary.ts';
import { type Db, queryRows } from '../db/client.ts';

export type CohortFilter = { type?: string; round?: number };
export type CohortCountRow = Record<string, number> & { filtered: boolean };

/**
 * Answer counts per statement and value over the submitted self-assessments of organisations that consent
 * now, split into respondents inside and outside the filters (for the subtraction check). One respondent is
 * one organisation's submitted assessment of one collaboration round, read from
 * round_participation.assessment_values: one row per respondent.
 */
export function cohortCountsSql(programmeId: string, filter: CohortFilter, items: number): SQL {
  const type = filter.type ?? null;
  const round = filter.round ?? null;
  const columns = sql.raw(
    Array.from({ length: items }, (_, k) =>
      [1, 2, 3, 4, 5]
        .map((v) => `count(*) filter (where rp.assessment_values[${k + 1}] = ${v})::int as "c${k}_${v}"`)
        .join(', '),
    ).join(', '),
  );
  return sql`select (${type}::text is null or o.type = ${type}::text) and (${round}::int is null or r.number = ${round}::int) as filtered,
                 ${columns}
            from programme_members m
            join round_participation rp on rp.organisation_id = m.organisation_id and rp.assessment_submitted_at is not null
            join rounds r on r.id = rp.round_id
            join organisations o on o.id = m.organisation_id
           where m.programme_id = ${programmeId} and m.consent_at is not null
           group by 1`;
}

export function cohortCounts(
  db: Db,
  programmeId: string,
  filter: CohortFilter,
  items: number,
): Promise<CohortCountRow[]> {
  return queryRows(db, cohortCountsSql(programmeId, filter, items));
}

export type ProgrammeMemberRow = {
  organisationId: string;
  name: string;
  type: OrganisationType;
  joinedAt: Date;
  consentAt: Date | null;
};

export function programmeMembersSql(programmeId: string): SQL {
  return sql`select o.id as "organisationId", o.name, o.type, m.joined_at as "joinedAt", m.consent_at as "consentAt"
            from programme_members m join organisations o on o.id = m.organisation_id
           where m.programme_id = ${programmeId} order by o.name`;
}

/** The organisations in a programme with their name, type and whether they consent to the cohort figures. */
export function membersOfProgramme(db: Db, programmeId: string): Promise<ProgrammeMemberRow[]> {
  return queryRows(db, programmeMembersSql(programmeId));
}
