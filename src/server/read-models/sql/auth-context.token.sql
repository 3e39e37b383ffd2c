-- auth-context.token
-- params: ["token-hash"]

      select t.id as "tokenId", u.id as "userId", u.name, u.email, null as "csrfToken",
             t.organisation_id as "activeOrganisationId", m.role as "activeRole",
             coalesce((select array_agg(pr.role order by pr.role) from platform_roles pr where pr.user_id = u.id), '{}') as "platformRoles"
        from api_tokens t
        join users u on u.id = t.user_id
        left join memberships m on m.organisation_id = t.organisation_id and m.user_id = t.user_id
       where t.token_hash = $1 and t.revoked_at is null
