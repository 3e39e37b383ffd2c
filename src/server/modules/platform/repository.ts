import { and, count, eq, sql } from 'drizzle-orm';
import type { PlatformRole } from '../../../contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import { platformRoles } from '../../db/schema/index.ts';
import { type UserQuery, userExists, userIdByEmail, usersWithRoles } from '../../read-models/people.ts';

export class PlatformRepository {
  constructor(private readonly db: Db) {}

  listUsers(query: UserQuery) {
    return usersWithRoles(this.db, query);
  }

  userExists(userId: string): Promise<boolean> {
    return userExists(this.db, userId);
  }

  findUserIdByEmail(email: string): Promise<string | undefined> {
    return userIdByEmail(this.db, email);
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
