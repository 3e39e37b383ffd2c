-- cohort.counts
-- params: ["wise","wise",1,1,"00000000-0000-4000-8000-000000000001"]
select ($1::text is null or o.type = $2::text) and ($3::int is null or r.number = $4::int) as filtered,
                 count(*) filter (where rp.assessment_values[1] = 1)::int as "c0_1", count(*) filter (where rp.assessment_values[1] = 2)::int as "c0_2", count(*) filter (where rp.assessment_values[1] = 3)::int as "c0_3", count(*) filter (where rp.assessment_values[1] = 4)::int as "c0_4", count(*) filter (where rp.assessment_values[1] = 5)::int as "c0_5", count(*) filter (where rp.assessment_values[2] = 1)::int as "c1_1", count(*) filter (where rp.assessment_values[2] = 2)::int as "c1_2", count(*) filter (where rp.assessment_values[2] = 3)::int as "c1_3", count(*) filter (where rp.assessment_values[2] = 4)::int as "c1_4", count(*) filter (where rp.assessment_values[2] = 5)::int as "c1_5"
            from programme_members m
            join round_participation rp on rp.organisation_id = m.organisation_id and rp.assessment_submitted_at is not null
            join rounds r on r.id = rp.round_id
            join organisations o on o.id = m.organisation_id
           where m.programme_id = $5 and m.consent_at is not null
           group by 1
