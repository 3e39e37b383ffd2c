// Cohort respondents join programmes, organisations, memberships, rounds and self-assessments: several
// modules' tables, so the query lives here rather than in one module's repository.
import { type SQL, sql } from 'drizzle-orm';
import type { OrganisationType } from '../../domain/vocabulary.ts';
import { type Db, queryRows } from '../db/client.ts';

export type CohortRespondentRow = {
  roundId: string;
  organisationId: string;
  type: OrganisationType;
  round: number;
  period: number;
  latest: boolean;
  latestInPeriod: boolean;
  known: boolean;
  values: (number | null)[];
};

/**
 * The respondents a new cohort snapshot would rest on: the submitted self-assessments of revealed rounds (no
 * longer editable) of organisations that consent now, read from round_participation.assessment_values. Only
 * those the chart counts: per organisation and collaboration the latest revealed, and the latest revealed in
 * each calendar year (its period). `known` marks organisations the facilitator belongs to or created.
 */
function currentRespondents(programmeId: string, facilitatorId: string): SQL {
  return sql`select * from (
           select rp.round_id as "roundId", rp.organisation_id as "organisationId", o.type, r.number as round,
                  extract(year from r.assessment_revealed_at at time zone 'UTC')::int as period,
                  row_number() over (partition by rp.organisation_id, r.collaboration_id
                                     order by r.assessment_revealed_at desc, r.number desc) = 1 as latest,
                  row_number() over (partition by rp.organisation_id, r.collaboration_id,
                                                  extract(year from r.assessment_revealed_at at time zone 'UTC')
                                     order by r.assessment_revealed_at desc, r.number desc) = 1 as "latestInPeriod",
                  ${facilitatorKnows(facilitatorId)} as known,
                  rp.assessment_values as values
             from programme_members m
             join round_participation rp on rp.organisation_id = m.organisation_id and rp.assessment_submitted_at is not null
             join rounds r on r.id = rp.round_id and r.assessment_revealed_at is not null
             join organisations o on o.id = m.organisation_id
            where m.programme_id = ${programmeId} and m.consent_at is not null) counted
          where counted.latest or counted."latestInPeriod"`;
}

/**
 * Whether the facilitator can have read this respondent's answers: some organisation in the round's
 * collaboration (the respondent itself, or a partner that saw them revealed) is one the facilitator created,
 * belongs to, or once belonged to (a `member-removed` event in the audit log). Such respondents never count
 * towards a group of five (decision 0010).
 */
function facilitatorKnows(facilitatorId: string): SQL {
  const f = sql`${facilitatorId}::uuid`;
  return sql`exists (
                 select 1 from collaboration_participants cp join organisations q on q.id = cp.organisation_id
                  where cp.collaboration_id = r.collaboration_id
                    and (q.created_by = ${f}
                      or exists (select 1 from memberships ms where ms.organisation_id = q.id and ms.user_id = ${f})
                      or exists (select 1 from audit_events ae
                                  where ae.kind = 'member-removed' and ae.organisation_id = q.id and ae.subject_user_id = ${f})))`;
}

export function cohortRespondentsSql(programmeId: string, facilitatorId: string): SQL {
  return sql`${currentRespondents(programmeId, facilitatorId)} order by "roundId", "organisationId"`;
}

export function cohortRespondents(db: Db, programmeId: string, facilitatorId: string) {
  return queryRows<CohortRespondentRow>(db, cohortRespondentsSql(programmeId, facilitatorId));
}

/**
 * How many respondents the facilitator does not know came or went since the latest snapshot: counted by the
 * database, so showing the chart never loads a national cohort into Node. Publishing recounts in the domain.
 */
export function cohortChangesSql(programmeId: string, facilitatorId: string): SQL {
  return sql`with now as (
              select c."roundId" as round_id, c."organisationId" as organisation_id
                from (${currentRespondents(programmeId, facilitatorId)}) c where not c.known),
            before as (
              select round_id, organisation_id from cohort_snapshot_respondents
               where not known and snapshot_id = (
                 select id from cohort_snapshots where programme_id = ${programmeId} order by number desc limit 1))
            select ((select count(*) from (select * from now except select * from before) added)
                  + (select count(*) from (select * from before except select * from now) removed))::int as changed`;
}

export async function cohortChanges(db: Db, programmeId: string, facilitatorId: string): Promise<number> {
  const [row] = await queryRows<{ changed: number }>(db, cohortChangesSql(programmeId, facilitatorId));
  return row?.changed ?? 0;
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
