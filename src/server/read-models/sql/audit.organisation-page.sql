-- audit.organisation-page
-- params: ["00000000-0000-4000-8000-000000000001",10,10,"sign-in","sign-in",51]
select e.id::int as id, e.at, e.kind, e.user_id as "userId", u.name as "userName",
                 e.subject_user_id as "subjectUserId", s.name as "subjectName", e.organisation_id as "organisationId",
                 e.address, e.detail
            from audit_events e
            left join users u on u.id = e.user_id
            left join users s on s.id = e.subject_user_id
           where e.organisation_id = $1
             and ($2::bigint is null or e.id < $3::bigint)
             and ($4::text is null or e.kind = $5::text)
           order by e.id desc
           limit $6
