// Accounts as other modules list them: the members of an organisation (organisations' memberships with the
// accounts' names) and the platform admin's list of accounts with their platform roles.
import { asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { MemberRole, PlatformRole } from '../../domain/vocabulary.ts';
import type { Db } from '../db/client.ts';
import { memberships, users } from '../db/schema/index.ts';

export type MemberRow = { userId: string; name: string; email: string; role: MemberRole; joinedAt: Date };

export function membersQuery(db: Db, organisationId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.id));
}

/** The people of an organisation with their role, by name. */
export function membersOf(db: Db, organisationId: string): Promise<MemberRow[]> {
  return membersQuery(db, organisationId);
}

export type UserQuery = { q?: string; limit: number; offset: number };

function matching(query: UserQuery) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined;
}

export function usersPageQuery(db: Db, query: UserQuery) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      createdAt: users.createdAt,
      platformRoles: sql<
        PlatformRole[]
      >`coalesce((select array_agg(pr.role order by pr.role) from platform_roles pr where pr.user_id = ${users.id}), '{}')`,
    })
    .from(users)
    .where(matching(query))
    .orderBy(users.email)
    .limit(query.limit)
    .offset(query.offset);
}

/** One page of accounts matching a name or e-mail fragment, with their platform roles and the total. */
export async function usersWithRoles(db: Db, query: UserQuery) {
  const [rows, [total]] = await Promise.all([
    usersPageQuery(db, query),
    db.select({ n: count() }).from(users).where(matching(query)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function userIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return Boolean(row);
}
