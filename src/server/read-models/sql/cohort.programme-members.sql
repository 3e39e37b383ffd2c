-- cohort.programme-members
-- params: ["00000000-0000-4000-8000-000000000001"]
select o.id as "organisationId", o.name, o.type, m.joined_at as "joinedAt", m.consent_at as "consentAt"
            from programme_members m join organisations o on o.id = m.organisation_id
           where m.programme_id = $1 order by o.name
