-- collaboration-partners.former-participants
-- params: ["00000000-0000-4000-8000-000000000001"]
select p.collaboration_id as "collaborationId", o.id as "organisationId", o.name, o.type, p.joined_at as "joinedAt",
                 o.deletion_due_at as "leavingOn", p.left_at as "leftAt"
            from collaboration_participants p join organisations o on o.id = p.organisation_id
           where p.collaboration_id in ($1) and p.left_at is not null
             and exists (
               select 1 from round_participation rp join rounds r on r.id = rp.round_id
                where r.collaboration_id = p.collaboration_id and rp.organisation_id = p.organisation_id
                  and ((r.revealed_at is not null and (rp.submitted_at is not null or rp.early_reveal_at is not null))
                    or (r.assessment_revealed_at is not null
                        and (rp.assessment_submitted_at is not null or rp.assessment_early_reveal_at is not null))))
           order by p.left_at, o.name
