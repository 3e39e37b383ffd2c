-- auth-context.session
-- params: ["session-id"]

      select u.id as "userId", u.name, u.email, s.csrf_token as "csrfToken",
             s.active_organisation_id as "activeOrganisationId", m.role as "activeRole",
             coalesce((select array_agg(pr.role order by pr.role) from platform_roles pr where pr.user_id = u.id), '{}') as "platformRoles"
        from sessions s
        join users u on u.id = s.user_id
        left join memberships m on m.organisation_id = s.active_organisation_id and m.user_id = s.user_id
       where s.id = $1 and s.expires_at > now()
