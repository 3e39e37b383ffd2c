-- people.members
-- params: ["00000000-0000-4000-8000-000000000001"]
select "users"."id", "users"."name", "users"."email", "memberships"."role", "memberships"."created_at" from "memberships" inner join "users" on "users"."id" = "memberships"."user_id" where "memberships"."organisation_id" = $1 order by "users"."name" asc, "users"."id" asc
