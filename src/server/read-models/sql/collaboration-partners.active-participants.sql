-- collaboration-partners.active-participants
-- params: ["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000001"]
select p.collaboration_id as "collaborationId", o.id as "organisationId", o.name, o.type, p.joined_at as "joinedAt",
                 o.deletion_due_at as "leavingOn"
            from collaboration_participants p join organisations o on o.id = p.organisation_id
           where p.collaboration_id in ($1, $2) and p.left_at is null
           order by p.joined_at, o.name
