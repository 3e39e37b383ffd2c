-- collaboration-partners.partner-invitation
-- params: ["token-hash"]
select i.id, i.collaboration_id as "collaborationId", i.expires_at as "expiresAt", i.accepted_at as "acceptedAt",
                 i.declined_at as "declinedAt", i.revoked_at as "revokedAt", c.name as "collaborationName",
                 c.archived_at as "archivedAt", o.name as "invitedBy", u.name as "invitedByPerson", i.email
            from collaboration_invitations i
            join collaborations c on c.id = i.collaboration_id
            join organisations o on o.id = i.invited_by_organisation_id
            left join users u on u.id = i.created_by
           where i.token_hash = $1
           order by i.created_at desc
