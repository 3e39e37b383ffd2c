// Who is asking, in one round trip on every authenticated request: the account (accounts), its platform roles
// (platform) and its role in the acting organisation (organisations).
import { type SQL, sql } from 'drizzle-orm';
import type { MemberRole, PlatformRole } from '../../domain/vocabulary.ts';
import { type Db, queryRows } from '../db/client.ts';

export type AuthContextRow = {
  userId: string;
  name: string;
  email: string;
  platformRoles: PlatformRole[];
  csrfToken: string | null;
  activeOrganisationId: string | null;
  activeRole: MemberRole | null;
};

export function sessionContextSql(sessionId: string): SQL {
  return sql`
      select u.id as "userId", u.name, u.email, s.csrf_token as "csrfToken",
             s.active_organisation_id as "activeOrganisationId", m.role as "activeRole",
             coalesce((select array_agg(pr.role order by pr.role) from platform_roles pr where pr.user_id = u.id), '{}') as "platformRoles"
        from sessions s
        join users u on u.id = s.user_id
        left join memberships m on m.organisation_id = s.active_organisation_id and m.user_id = s.user_id
       where s.id = ${sessionId} and s.expires_at > now()`;
}

export function tokenContextSql(tokenHash: string): SQL {
  return sql`
      select t.id as "tokenId", u.id as "userId", u.name, u.email, null as "csrfToken",
             t.organisation_id as "activeOrganisationId", m.role as "activeRole",
             coalesce((select array_agg(pr.role order by pr.role) from platform_roles pr where pr.user_id = u.id), '{}') as "platformRoles"
        from api_tokens t
        join users u on u.id = t.user_id
        left join memberships m on m.organisation_id = t.organisation_id and m.user_id = t.user_id
       where t.token_hash = ${tokenHash} and t.revoked_at is null`;
}

/** The context of a session that has not expired. */
export async function sessionContext(db: Db, sessionId: string): Promise<AuthContextRow | undefined> {
  return (await queryRows<AuthContextRow>(db, sessionContextSql(sessionId)))[0];
}

/** The context of an API token that was not revoked, with the token's id. */
export async function tokenContext(
  db: Db,
  tokenHash: string,
): Promise<(AuthContextRow & { tokenId: string }) | undefined> {
  return (await queryRows<AuthContextRow & { tokenId: string }>(db, tokenContextSql(tokenHash)))[0];
}
