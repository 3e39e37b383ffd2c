import { and, count, desc, eq, gt, isNull, lte, max, or, type SQL, sql } from 'drizzle-orm';
import type { PlatformRole } from '../../../contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import {
  type AccountLinkPurpose,
  accountLinks,
  apiTokens,
  type LimitedAction,
  platformRoles,
  sessions,
  signInAttempts,
  users,
} from '../../db/schema/index.ts';
import { type AuthContextRow, sessionContext, tokenContext } from '../../read-models/auth-context.ts';

export type { AuthContextRow, LimitedAction };

/** Whose failures slow an attempt down: the e-mail address, the network address, or that pair. */
export type SignInScope = 'email' | 'address' | 'pair';
export type SignInFailures = { count: number; last: Date | null };

/**
 * Failed attempts in `where` since the window's start and, with `resetOnSuccess`, since the last success in it:
 * signing in proves the password is known, so the e-mail's and the pair's back-off start again. (An address
 * never resets: one's own account must not wipe the failures made against others' from the same address.)
 */
function failuresOf(
  db: Db,
  purpose: LimitedAction,
  where: SQL | undefined,
  window: { since: Date; resetOnSuccess: boolean },
) {
  const recent = and(where, eq(signInAttempts.purpose, purpose), gt(signInAttempts.createdAt, window.since));
  if (!window.resetOnSuccess) return and(recent, eq(signInAttempts.succeeded, false));
  const lastSuccess = db
    .select({ at: max(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(and(recent, eq(signInAttempts.succeeded, true)));
  return and(
    recent,
    eq(signInAttempts.succeeded, false),
    sql`${signInAttempts.createdAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
  );
}

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

  /** When the token stops working (null: until revoked). */
  async tokenExpiry(tokenId: string): Promise<Date | null> {
    const [row] = await this.db
      .select({ expiresAt: apiTokens.expiresAt })
      .from(apiTokens)
      .where(eq(apiTokens.id, tokenId));
    return row?.expiresAt ?? null;
  }

  async revokeAllTokens(userId: string): Promise<number> {
    const rows = await this.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length;
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
   * Reads the recent failures of this e-mail address, of this network address and of the pair and, when
   * `decide` lets the attempt through, records it as a failure, as one step: the e-mail and the address are
   * locked for the transaction, so parallel attempts are decided one by one instead of all reading the same
   * history. Returns the attempt's id (to mark it succeeded after the password check), or when to try again.
   */
  async reserveSignInAttempt(
    attempt: { email: string; address: string; purpose?: LimitedAction },
    now: Date,
    windows: { [S in SignInScope]: { since: Date; resetOnSuccess: boolean } },
    decide: (failures: { [S in SignInScope]: SignInFailures }) => Date | null,
  ): Promise<{ id: number } | { retryAt: Date }> {
    const purpose = attempt.purpose ?? 'sign-in';
    return this.db.transaction(async (tx) => {
      // Always e-mail first, then address: two attempts never wait for each other in opposite order.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${purpose}:e:${attempt.email}`}))`);
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${purpose}:a:${attempt.address}`}))`);
      const byEmail = eq(signInAttempts.email, attempt.email);
      const byAddress = eq(signInAttempts.address, attempt.address);
      const read = async (scope: SignInScope, where: SQL | undefined): Promise<SignInFailures> => {
        const [row] = await tx
          .select({ count: count(), last: max(signInAttempts.createdAt) })
          .from(signInAttempts)
          .where(failuresOf(this.db, purpose, where, windows[scope]));
        return { count: row?.count ?? 0, last: row?.last ?? null };
      };
      const [email, address, pair] = await Promise.all([
        read('email', byEmail),
        read('address', byAddress),
        read('pair', and(byEmail, byAddress)),
      ]);
      const retryAt = decide({ email, address, pair });
      if (retryAt) return { retryAt };
      const [row] = await tx
        .insert(signInAttempts)
        .values({ email: attempt.email, address: attempt.address, purpose, succeeded: false, createdAt: now })
        .returning({ id: signInAttempts.id });
      return { id: row!.id };
    });
  }

  /**
   * Marks the account as alerted about failed sign-ins when it has at least `threshold` failures in the window
   * and was not alerted within it; returns whom to e-mail, once per window however many attempts race here
   * (the update re-checks its condition on the row it waited for).
   */
  async claimSignInAlert(
    email: string,
    now: Date,
    window: { since: Date; resetOnSuccess: boolean },
    threshold: number,
  ): Promise<{ email: string; name: string; failures: number } | undefined> {
    const failures = this.db
      .select({ n: count() })
      .from(signInAttempts)
      .where(failuresOf(this.db, 'sign-in', eq(signInAttempts.email, email), window));
    const [row] = await this.db
      .update(users)
      .set({ signInAlertAt: now })
      .where(
        and(
          eq(users.email, email),
          or(isNull(users.signInAlertAt), lte(users.signInAlertAt, window.since)),
          sql`(${failures}) >= ${threshold}`,
        ),
      )
      .returning({ email: users.email, name: users.name, failures: sql<number>`(${failures})::int` });
    return row;
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
    expiresAt: Date | null;
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

  async revokeToken(userId: string, tokenId: string): Promise<{ prefix: string } | undefined> {
    const [row] = await this.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ prefix: apiTokens.prefix });
    return row;
  }

  /** Stores a single-use link (its token only hashed). */
  async createLink(input: {
    purpose: AccountLinkPurpose;
    tokenHash: string;
    email: string;
    userId?: string | null;
    name?: string | null;
    passwordHash?: string | null;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.insert(accountLinks).values(input);
  }

  /**
   * Marks the link used when it is unused and not expired, in one conditional update, so a link works once
   * even when two requests race; returns it then, otherwise why not.
   */
  async consumeLink(
    purpose: AccountLinkPurpose,
    tokenHash: string,
    now: Date,
  ): Promise<
    | { ok: true; link: typeof accountLinks.$inferSelect }
    | { ok: false; reason: 'unknown' | 'used' | 'expired' }
  > {
    const [link] = await this.db
      .update(accountLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountLinks.purpose, purpose),
          eq(accountLinks.tokenHash, tokenHash),
          isNull(accountLinks.usedAt),
          gt(accountLinks.expiresAt, now),
        ),
      )
      .returning();
    if (link) return { ok: true, link };
    const [seen] = await this.db
      .select({ usedAt: accountLinks.usedAt })
      .from(accountLinks)
      .where(and(eq(accountLinks.purpose, purpose), eq(accountLinks.tokenHash, tokenHash)));
    return { ok: false, reason: !seen ? 'unknown' : seen.usedAt ? 'used' : 'expired' };
  }

  /** Marks every unused link of this purpose for this person used (after one of them worked). */
  async closeLinks(userId: string, purpose: AccountLinkPurpose, now: Date): Promise<void> {
    await this.db
      .update(accountLinks)
      .set({ usedAt: now })
      .where(
        and(eq(accountLinks.userId, userId), eq(accountLinks.purpose, purpose), isNull(accountLinks.usedAt)),
      );
  }

  /** The person's sessions, for their own data export (no cookie hashes). */
  async listSessions(userId: string) {
    return this.db
      .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(sessions.createdAt);
  }

  /** Every token the person made, revoked ones too (no hashes). */
  async listAllTokens(userId: string) {
    return this.db
      .select({
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        expiresAt: apiTokens.expiresAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .orderBy(apiTokens.createdAt);
  }

  /** Whether someone other than this person is platform admin. */
  async otherPlatformAdmins(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(platformRoles)
      .where(and(eq(platformRoles.role, 'platform_admin'), sql`${platformRoles.userId} <> ${userId}`));
    return row?.n ?? 0;
  }

  /** Deletes the account; its sessions, tokens, links, roles and memberships go with it (foreign keys). */
  async deleteUser(userId: string): Promise<void> {
    await this.db.delete(users).where(eq(users.id, userId));
  }
}
