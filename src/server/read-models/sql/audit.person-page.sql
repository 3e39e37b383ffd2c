-- audit.person-page
-- params: ["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000001",null,null,null,null,51]
select e.id::int as id, e.at, e.kind, e.user_id as "userId", u.name as "userName",
                 e.subject_user_id as "subjectUserId", s.name as "subjectName", e.organisation_id as "organisationId",
                 e.address, e.detail
            from audit_events e
            left join users u on u.id = e.user_id
            left join users s on s.id = e.subject_user_id
           where (e.user_id = $1 or e.subject_user_id = $2)
             and ($3::bigint is null or e.id < $4::bigint)
             and ($5::text is null or e.kind = $6::text)
           order by e.id desc
           limit $7
