-- cohort.respondents
-- params: ["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000001"]
select * from (
           select rp.round_id as "roundId", rp.organisation_id as "organisationId", o.type, r.number as round,
                  extract(year from r.assessment_revealed_at at time zone 'UTC')::int as period,
                  row_number() over (partition by rp.organisation_id, r.collaboration_id
                                     order by r.assessment_revealed_at desc, r.number desc) = 1 as latest,
                  row_number() over (partition by rp.organisation_id, r.collaboration_id,
                                                  extract(year from r.assessment_revealed_at at time zone 'UTC')
                                     order by r.assessment_revealed_at desc, r.number desc) = 1 as "latestInPeriod",
                  exists (
                 select 1 from collaboration_participants cp join organisations q on q.id = cp.organisation_id
                  where cp.collaboration_id = r.collaboration_id
                    and (q.created_by = $1::uuid
                      or exists (select 1 from memberships ms where ms.organisation_id = q.id and ms.user_id = $2::uuid)
                      or exists (select 1 from audit_events ae
                                  where ae.kind = 'member-removed' and ae.organisation_id = q.id and ae.subject_user_id = $3::uuid))) as known,
                  rp.assessment_values as values
             from programme_members m
             join round_participation rp on rp.organisation_id = m.organisation_id and rp.assessment_submitted_at is not null
             join rounds r on r.id = rp.round_id and r.assessment_revealed_at is not null
             join organisations o on o.id = m.organisation_id
            where m.programme_id = $4 and m.consent_at is not null) counted
          where counted.latest or counted."latestInPeriod" order by "roundId", "organisationId"
