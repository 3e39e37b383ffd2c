import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { PlatformRole } from '../../../contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import { platformRoles, users } from '../../db/schema/index.ts';

export class PlatformRepository {
  constructor(private readonly db: Db) {}

  async listUsers(query: { q?: string; limit: number; offset: number }) {
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const where = pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined;
    const [rows, [total]] = await Promise.all([
      this.db
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
        .where(where)
        .orderBy(users.email)
        .limit(query.limit)
        .offset(query.offset),
      this.db.select({ n: count() }).from(users).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  }

  async userExists(userId: string): Promise<boolean> {
    const [row] = await this.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    return Boolean(row);
  }

  async findUserIdByEmail(email: string): Promise<string | undefined> {
    const [row] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return row?.id;
  }

  async grant(userId: string, role: PlatformRole): Promise<void> {
    await this.db.insert(platformRoles).values({ userId, role }).onConflictDoNothing();
  }

  /** Revokes, but never the last platform admin; returns false when that was refused. */
  async revoke(userId: string, role: PlatformRole): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (role === 'platform_admin') {
        await tx.execute(sql`select pg_advisory_xact_lock(724063)`);
        const [row] = await tx
          .select({ n: count() })
          .from(platformRoles)
          .where(eq(platformRoles.role, 'platform_admin'));
        const [self] = await tx
          .select({ n: count() })
          .from(platformRoles)
          .where(and(eq(platformRoles.userId, userId), eq(platformRoles.role, role)));
        if ((row?.n ?? 0) <= 1 && (self?.n ?? 0) === 1) return false;
      }
      await tx
        .delete(platformRoles)
        .where(and(eq(platformRoles.userId, userId), eq(platformRoles.role, role)));
      return true;
    });
  }
}
