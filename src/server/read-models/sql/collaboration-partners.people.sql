-- collaboration-partners.people
-- params: ["00000000-0000-4000-8000-000000000001"]
select p.collaboration_id as "collaborationId", u.id as "userId", u.name, m.organisation_id as "organisationId"
            from collaboration_participants p
            join memberships m on m.organisation_id = p.organisation_id
            join users u on u.id = m.user_id
           where p.collaboration_id in ($1) and p.left_at is null
           order by u.name, u.id
