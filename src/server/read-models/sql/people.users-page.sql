-- people.users-page
-- params: ["%anne\\_\\%%","%anne\\_\\%%",50]
select "id", "name", "email", "created_at", coalesce((select array_agg(pr.role order by pr.role) from platform_roles pr where pr.user_id = "id"), '{}') from "users" where ("users"."name" ilike $1 or "users"."email" ilike $2) order by "users"."email" limit $3
