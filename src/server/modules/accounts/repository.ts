import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { PlatformRole } from '../../../contracts/accounts.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { apiTokens, platformRoles, sessions, signInAttempts, users } from '../../db/schema/index.ts';
import { type AuthContextRow, sessionContext, tokenContext } from '../../read-models/auth-context.ts';

export type { AuthContextRow };

export class AccountsRepository {
  constructor(private readonly db: Db) {}

  async countUsers(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  }

  async findUserByEmail(email: string) {
    const [row] = await this.db.select().from(users).where(eq(users.email, email));
    return row;
  }

  async findUserById(id: string) {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  /** Creates the user; grants platform admin when this is the installation's first account. */
  async createUser(input: { name: string; email: string; passwordHash: string }) {
    return this.db.transaction(async (tx) => {
      // Serialises concurrent first sign-ups so exactly one becomes platform admin.
      await tx.execute(sql`select pg_advisory_xact_lock(724062)`);
      const [existing] = await tx.select({ n: count() }).from(users);
      const [user] = await tx.insert(users).values(input).onConflictDoNothing().returning();
      if (user && existing?.n === 0)
        await tx.insert(platformRoles).values({ userId: user.id, role: 'platform_admin' });
      return user;
    });
  }

  async platformRolesOf(userId: string): Promise<PlatformRole[]> {
    const rows = await this.db
      .select({ role: platformRoles.role })
      .from(platformRoles)
      .where(eq(platformRoles.userId, userId))
      .orderBy(platformRoles.role);
    return rows.map((r) => r.role);
  }

  async updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
  }

  async createSession(input: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    activeOrganisationId: string | null;
  }) {
    await this.db.insert(sessions).values(input);
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, id));
  }

  async deleteOtherSessions(userId: string, keepId: string | null): Promise<void> {
    await this.db
      .delete(sessions)
      .where(
        keepId
          ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepId}`)
          : eq(sessions.userId, userId),
      );
  }

  async setActiveOrganisation(sessionId: string, organisationId: string | null): Promise<void> {
    await this.db
      .update(sessions)
      .set({ activeOrganisationId: organisationId })
      .where(eq(sessions.id, sessionId));
  }

  /** Everything a request needs to be authorised, in one round trip (a read model: it spans three modules). */
  findSessionContext(sessionId: string): Promise<AuthContextRow | undefined> {
    return sessionContext(this.db, sessionId);
  }

  findTokenContext(tokenHash: string): Promise<(AuthContextRow & { tokenId: string }) | undefined> {
    return tokenContext(this.db, tokenHash);
  }

  async touchToken(tokenId: string): Promise<void> {
    // At most one write a minute per token, so scripts polling the API do not turn reads into writes.
    await this.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiTokens.id, tokenId),
          sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`,
        ),
      );
  }

  /**
   * Counts the recent failures for this e-mail address and network address and, when both are under their
   * limits, records this attempt as a failure, as one step: the e-mail and the address are locked for the
   * transaction, so parallel attempts take the slots one by one instead of all reading the same count.
   * Returns the attempt's id (to mark it succeeded after the password check), or null when over a limit.
   */
  async reserveSignInAttempt(
    attempt: { email: string; address: string },
    limits: { since: Date; perEmail: number; perAddress: number },
  ): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      // Always e-mail first, then address: two attempts never wait for each other in opposite order.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:e:${attempt.email}`}))`);
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:a:${attempt.address}`}))`);
      const failures = (where: ReturnType<typeof eq>) =>
        tx
          .select({ n: count() })
          .from(signInAttempts)
          .where(and(where, eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, limits.since)));
      const [[byEmail], [byAddress]] = await Promise.all([
        failures(eq(signInAttempts.email, attempt.email)),
        failures(eq(signInAttempts.address, attempt.address)),
      ]);
      if ((byEmail?.n ?? 0) >= limits.perEmail || (byAddress?.n ?? 0) >= limits.perAddress) return null;
      const [row] = await tx
        .insert(signInAttempts)
        .values({ ...attempt, succeeded: false })
        .returning({ id: signInAttempts.id });
      return row!.id;
    });
  }

  async markSignInSucceeded(attemptId: number): Promise<void> {
    await this.db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  }

  async createToken(input: {
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    organisationId: string | null;
  }) {
    const [row] = await this.db.insert(apiTokens).values(input).returning();
    return row!;
  }

  async listTokens(userId: string) {
    return this.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt));
  }

  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    const rows = await this.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  }
}
