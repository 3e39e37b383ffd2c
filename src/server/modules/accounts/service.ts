import { hash, verify } from '@node-rs/argon2';
import type { FastifyBaseLogger } from 'fastify';
import type {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  PasswordResetAccepted,
  PlatformRole,
  SignUpAccepted,
} from '../../../contracts/accounts.ts';
import type { AuditEvent } from '../../../contracts/audit.ts';
import { toCsv } from '../../../domain/export/csv.ts';
import { translators } from '../../../domain/i18n/catalogues.ts';
import type { AuthCache } from '../../http/auth-cache.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.ts';
import { keyedHash, newSecret } from '../../http/secrets.ts';
import type { Mailer } from '../../mail.ts';
import type { AuditEventInput, AuditLog } from '../audit/service.ts';
import { slug, zipFiles } from '../data-export/service.ts';
import type {
  AccountsRepository,
  AuthContextRow,
  LimitedAction,
  SignInFailures,
  SignInScope,
} from './repository.ts';

type User = { id: string; name: string; email: string };

const SESSION_DAYS = 30;
const TOKEN_PREFIX = 'iwt_';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Exponential back-off for one scope: the first `free` failures cost nothing (typos); after that the next
 * attempt is accepted only `baseMs` after the latest failure, doubling with each further failure up to
 * `capMs`. Failures older than `windowMs` are forgotten (docs/decisions/0011-sign-in-back-off.md).
 */
export type BackOff = { free: number; baseMs: number; capMs: number; windowMs: number };

/** What a person's notices and notification choices are, for their data export. */
export type PersonalNotices = {
  language: string;
  preferences: { kind: string; channel: string }[];
  notifications: { createdAt: string; kind: string; readAt: string | null; collaborationId: string | null }[];
};

export type SignInLimits = {
  /** One e-mail address from one network address: the guesser's own back-off, up to a quarter of an hour. */
  pair: BackOff;
  /** One network address, any e-mail address: one machine trying many accounts. */
  address: BackOff;
  /**
   * One e-mail address, any network address: many machines trying one account. Capped at a minute, the
   * longest that others' failures can make the owner wait at a new address.
   */
  email: BackOff;
  /** This many failures on one account within `alertWindowMs` e-mail its owner, once per window. */
  alertAfter: number;
  alertWindowMs: number;
  /**
   * Sign-ups and password-reset requests: every request counts (none is a "success"), per network address (one
   * machine creating accounts or sending mail in bulk) and per e-mail address (mail to one inbox) (decision 0012).
   */
  signUp: { address: BackOff; email: BackOff };
  passwordReset: { address: BackOff; email: BackOff };
};

export const SIGN_IN_LIMITS: SignInLimits = {
  pair: { free: 3, baseMs: 1_000, capMs: 15 * MINUTE, windowMs: 24 * HOUR },
  address: { free: 10, baseMs: 1_000, capMs: 15 * MINUTE, windowMs: 15 * MINUTE },
  email: { free: 3, baseMs: 1_000, capMs: MINUTE, windowMs: 24 * HOUR },
  alertAfter: 5,
  alertWindowMs: 24 * HOUR,
  signUp: {
    address: { free: 30, baseMs: MINUTE, capMs: HOUR, windowMs: HOUR },
    email: { free: 3, baseMs: MINUTE, capMs: HOUR, windowMs: 24 * HOUR },
  },
  passwordReset: {
    address: { free: 10, baseMs: MINUTE, capMs: HOUR, windowMs: HOUR },
    email: { free: 3, baseMs: MINUTE, capMs: HOUR, windowMs: 24 * HOUR },
  },
};

/** How long a sign-up confirmation link and a password-reset link work. */
const SIGN_UP_LINK_MS = 24 * HOUR;
export const RESET_LINK_MS = HOUR;

export type AccountsOptions = {
  mailer?: Mailer;
  /** Security events of the accounts side (issue 9, point 15), and the person's own in their export. */
  audit?: AuditLog;
  publicUrl?: string;
  log?: FastifyBaseLogger;
  limits?: Partial<SignInLimits>;
  /** The clock the back-off reads, in milliseconds; tests move it instead of waiting. */
  now?: () => number;
};

// A hash of a password nobody has: verifying against it when the e-mail is unknown keeps the
// response time the same, so sign-in does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

export type NewSession = { cookieValue: string; csrfToken: string; expiresAt: Date };

export class AccountsService {
  private readonly limits: SignInLimits;
  private readonly now: () => number;
  /** Expiry of tokens whose context is cached (only those that expire), by token hash. */
  private readonly tokenExpiries = new Map<string, number>();

  constructor(
    private readonly repo: AccountsRepository,
    private readonly secret: string,
    private readonly cache: AuthCache,
    private readonly options: AccountsOptions = {},
  ) {
    this.limits = { ...SIGN_IN_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
  }

  hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  /**
   * Answers a new and an existing address alike (decision 0012): with a mailer, the account is made only when
   * the address's owner follows the link sent to it, and an existing account's owner is told by e-mail instead.
   * Without a mailer a new address gets its account at once (the caller signs it in) and an existing one only
   * the neutral answer. The password is hashed either way, so the time taken does not tell them apart.
   */
  async signUp(
    input: { name: string; email: string; password: string },
    address: string,
  ): Promise<{ user: User } | { accepted: SignUpAccepted }> {
    await this.reserveLimited('sign-up', input.email, address);
    const passwordHash = await this.hashPassword(input.password);
    const existing = await this.repo.findUserByEmail(input.email);
    const { mailer } = this.options;
    const accepted = { accepted: { emailSent: Boolean(mailer) } };
    if (existing) {
      if (mailer) {
        const values = {
          name: existing.name,
          signInLink: `${this.publicUrl}/sign-in`,
          resetLink: `${this.publicUrl}/password-reset`,
        };
        this.mail(existing.email, 'mail.accountExists', values, 'sign-up.account-exists');
      }
      return accepted;
    }
    if (mailer) {
      const token = newSecret();
      await this.repo.createLink({
        purpose: 'sign-up',
        tokenHash: keyedHash(this.secret, token),
        email: input.email,
        name: input.name,
        passwordHash,
        expiresAt: new Date(this.now() + SIGN_UP_LINK_MS),
      });
      const values = { name: input.name, link: `${this.publicUrl}/sign-up/confirm/${token}` };
      this.mail(input.email, 'mail.confirmSignUp', values, 'sign-up.confirm-sent');
      return accepted;
    }
    const user = await this.repo.createUser({ name: input.name, email: input.email, passwordHash });
    // Someone else made this address's account a moment ago: the same neutral answer.
    return user ? { user } : accepted;
  }

  /** Makes the account a confirmation link was sent for; the link works once, for a day. */
  async confirmSignUp(token: string): Promise<User> {
    const used = await this.repo.consumeLink('sign-up', keyedHash(this.secret, token), new Date(this.now()));
    if (!used.ok) throw linkRefused(used.reason);
    const { email, name, passwordHash } = used.link;
    const user = await this.repo.createUser({ email, name: name ?? '', passwordHash: passwordHash ?? '' });
    if (!user)
      throw conflict('email_taken', 'This address already has an account. Sign in instead.', [
        { field: 'token', message: 'the address already has an account' },
      ]);
    return user;
  }

  /**
   * Sends a reset link (an hour, once) when the address has an account and this installation sends e-mail;
   * answers alike in every case. Without e-mail a platform admin hands one over (`npm run admin -- reset-password`).
   */
  async requestPasswordReset(email: string, address: string): Promise<PasswordResetAccepted> {
    await this.reserveLimited('password-reset', email, address);
    const accepted = { emailSent: Boolean(this.options.mailer) };
    if (!this.options.mailer) return accepted;
    const user = await this.repo.findUserByEmail(email);
    if (!user) return accepted;
    const link = await this.createResetLink(user);
    this.mail(user.email, 'mail.passwordReset', { name: user.name, link }, 'password-reset.sent');
    await this.audit({
      kind: 'password-reset-requested',
      subjectUserId: user.id,
      address,
      detail: { channel: 'e-mail' },
    });
    return accepted;
  }

  /** A one-time reset link for the account with this address (the admin command); undefined when there is none. */
  async resetLinkFor(email: string): Promise<string | undefined> {
    const user = await this.repo.findUserByEmail(email.trim().toLowerCase());
    if (!user) return undefined;
    const link = await this.createResetLink(user);
    await this.audit({
      kind: 'password-reset-requested',
      subjectUserId: user.id,
      detail: { channel: 'admin-command' },
    });
    return link;
  }

  private async createResetLink(user: User): Promise<string> {
    const token = newSecret();
    await this.repo.createLink({
      purpose: 'password-reset',
      tokenHash: keyedHash(this.secret, token),
      email: user.email,
      userId: user.id,
      expiresAt: new Date(this.now() + RESET_LINK_MS),
    });
    return `${this.publicUrl}/password-reset/${token}`;
  }

  /**
   * Sets the password a reset link was made for and signs the person out everywhere: whoever knew the old
   * password (or held a session) is out. Other reset links of that person stop working too.
   */
  async resetPassword(token: string, password: string, address: string): Promise<void> {
    const used = await this.repo.consumeLink(
      'password-reset',
      keyedHash(this.secret, token),
      new Date(this.now()),
    );
    if (!used.ok) throw linkRefused(used.reason);
    const userId = used.link.userId;
    if (!userId) throw linkRefused('unknown');
    await this.repo.updatePasswordHash(userId, await this.hashPassword(password));
    await this.repo.closeLinks(userId, 'password-reset', new Date(this.now()));
    await this.repo.deleteOtherSessions(userId, null);
    this.cache.forgetUser(userId);
    await this.audit({ kind: 'password-reset', subjectUserId: userId, address });
  }

  /** Records a security event; never a password, token, link or e-mail text (issue 9, point 15). */
  private async audit(event: AuditEventInput): Promise<void> {
    await this.options.audit?.record(event);
  }

  private get publicUrl(): string {
    return this.options.publicUrl ?? '';
  }

  /** Sends a message from the catalogue in Dutch and English without waiting, so timing reveals nothing. */
  private mail(
    to: string,
    key: 'mail.accountExists' | 'mail.confirmSignUp' | 'mail.passwordReset',
    values: Record<string, string | number>,
    event: string,
  ): void {
    const { mailer, log } = this.options;
    if (!mailer) return;
    const { nl, en } = translators;
    mailer
      .send({
        to,
        subject: `${nl(`${key}.subject` as const)} / ${en(`${key}.subject` as const)}`,
        text: `${nl(`${key}.body` as const, values)}\n\n---\n\n${en(`${key}.body` as const, values)}`,
      })
      .then(
        () => log?.info({ event }, 'account e-mail sent'),
        (error: unknown) =>
          log?.warn(
            { event: `${event}-failed`, err: error instanceof Error ? error.message : String(error) },
            'an account e-mail could not be sent',
          ),
      );
  }

  /** Counts one sign-up or reset request against its address's and e-mail's back-off, or answers 429. */
  private async reserveLimited(purpose: 'sign-up' | 'password-reset', email: string, address: string) {
    const now = this.now();
    const rules = purpose === 'sign-up' ? this.limits.signUp : this.limits.passwordReset;
    const window = (rule: BackOff) => ({ since: new Date(now - rule.windowMs), resetOnSuccess: false });
    const reserved = await this.repo.reserveSignInAttempt(
      { email, address, purpose },
      new Date(now),
      { pair: window(rules.email), email: window(rules.email), address: window(rules.address) },
      (failures) => {
        const latest = Math.max(
          nextAttemptAt(rules.address, failures.address),
          nextAttemptAt(rules.email, failures.email),
        );
        return latest > now ? new Date(latest) : null;
      },
    );
    if ('retryAt' in reserved) throw tooManyAttempts(reserved.retryAt, now, purpose);
  }

  async signIn(input: { email: string; password: string; address: string }) {
    const attemptId = await this.reserveAttempt(input.email, input.address);
    const user = await this.repo.findUserByEmail(input.email);
    dummyHash ??= hash(newSecret());
    const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
    if (user && ok) await this.repo.markSignInSucceeded(attemptId);
    if (!user || !ok) {
      // Only failures on an existing account are events (about that account); unknown addresses stay in
      // sign_in_attempts, so the log holds no addresses of people who have no account.
      if (user) await this.audit({ kind: 'sign-in-failed', subjectUserId: user.id, address: input.address });
      await this.alertOwner(input.email, input.address);
      throw new AppError(401, 'invalid_credentials', 'That e-mail address and password do not match.', [
        { field: 'password', message: 'does not match this e-mail address' },
      ]);
    }
    await this.audit({ kind: 'sign-in', userId: user.id, address: input.address });
    return user;
  }

  /**
   * Records this attempt as a failure unless the back-off of its e-mail address, its network address or the
   * pair still runs; then answers 429 saying when to try again. The attempt is marked succeeded after a right
   * password, so a slow password check still counts while it runs (parallel guesses cannot slip past).
   */
  private async reserveAttempt(email: string, address: string): Promise<number> {
    const now = this.now();
    const { pair, address: byAddress, email: byEmail } = this.limits;
    const rules: Record<SignInScope, BackOff> = { pair, address: byAddress, email: byEmail };
    const window = (rule: BackOff, resetOnSuccess: boolean) => ({
      since: new Date(now - rule.windowMs),
      resetOnSuccess,
    });
    const reserved = await this.repo.reserveSignInAttempt(
      { email, address },
      new Date(now),
      { pair: window(pair, true), email: window(byEmail, true), address: window(byAddress, false) },
      (failures) => {
        let latest = 0;
        for (const scope of ['pair', 'address', 'email'] as const)
          latest = Math.max(latest, nextAttemptAt(rules[scope], failures[scope]));
        return latest > now ? new Date(latest) : null;
      },
    );
    if ('retryAt' in reserved) throw tooManyAttempts(reserved.retryAt, now);
    return reserved.id;
  }

  /**
   * After a wrong password: the account's owner hears of repeated failures by e-mail, once per window. Runs for
   * unknown addresses too (the update finds no account), so the answer's timing does not tell them apart.
   */
  private async alertOwner(email: string, address: string): Promise<void> {
    const { mailer, log } = this.options;
    if (!mailer) return;
    const now = this.now();
    const alert = await this.repo.claimSignInAlert(
      email,
      new Date(now),
      { since: new Date(now - this.limits.alertWindowMs), resetOnSuccess: true },
      this.limits.alertAfter,
    );
    if (!alert) return;
    const values = {
      name: alert.name,
      count: alert.failures,
      address,
      time: new Date(now).toISOString().slice(0, 16).replace('T', ' '),
      link: `${this.options.publicUrl ?? ''}/account`,
    };
    const { nl, en } = translators;
    // Sent without waiting: a slow mail server must not make this answer slower than other wrong passwords.
    mailer
      .send({
        to: alert.email,
        subject: `${nl('mail.signInAlert.subject')} / ${en('mail.signInAlert.subject')}`,
        text: `${nl('mail.signInAlert.body', values)}\n\n---\n\n${en('mail.signInAlert.body', values)}`,
      })
      .then(
        () => log?.info({ event: 'sign-in.alert-sent' }, 'failed sign-ins: owner alerted by e-mail'),
        (error: unknown) =>
          log?.warn(
            { event: 'sign-in.alert-failed', err: error instanceof Error ? error.message : String(error) },
            'failed sign-ins: the alert e-mail could not be sent',
          ),
      );
  }

  platformRolesOf(userId: string): Promise<PlatformRole[]> {
    return this.repo.platformRolesOf(userId);
  }

  async startSession(userId: string, activeOrganisationId: string | null): Promise<NewSession> {
    const cookieValue = newSecret();
    const csrfToken = newSecret(24);
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await this.repo.createSession({
      id: this.sessionId(cookieValue),
      userId,
      csrfToken,
      expiresAt,
      activeOrganisationId,
    });
    return { cookieValue, csrfToken, expiresAt };
  }

  async endSession(auth: AuthContext): Promise<void> {
    if (auth.sessionId) await this.repo.deleteSession(auth.sessionId);
    this.cache.forgetUser(auth.userId);
  }

  async changePassword(auth: AuthContext, body: ChangePasswordBody, address: string): Promise<void> {
    const user = await this.repo.findUserById(auth.userId);
    if (!user) throw notFound();
    // Guessing the current password here counts against the same limits as guessing it at sign-in: a stolen
    // session must not become a way to try passwords without end.
    const attemptId = await this.reserveAttempt(user.email, address);
    const ok = await verify(user.passwordHash, body.currentPassword).catch(() => false);
    if (ok) await this.repo.markSignInSucceeded(attemptId);
    if (!ok) {
      await this.audit({
        kind: 'sign-in-failed',
        subjectUserId: user.id,
        address,
        detail: { at: 'password-change' },
      });
      await this.alertOwner(user.email, address);
      throw badRequest('invalid_current_password', 'Your current password is not correct.', [
        { field: 'currentPassword', message: 'is not correct' },
      ]);
    }
    await this.repo.updatePasswordHash(user.id, await this.hashPassword(body.newPassword));
    // Anyone else signed in with the old password is signed out; this session stays. API tokens go too when
    // the person says so (a token is not tied to the password, but may have leaked with it).
    await this.repo.deleteOtherSessions(user.id, auth.sessionId);
    const revoked = body.revokeTokens ? await this.repo.revokeAllTokens(user.id) : 0;
    this.cache.forgetUser(user.id);
    await this.audit({
      kind: 'password-changed',
      userId: user.id,
      address,
      detail: { tokensRevoked: String(revoked) },
    });
  }

  /**
   * Deletes the signed-in person's account after they re-enter the password (guesses count like sign-in's).
   * Refused while they are the last admin of an organisation (`blockers` finds those; they are named so the
   * person can hand over or delete them) or the last platform admin.
   */
  async deleteAccount(
    auth: AuthContext,
    password: string,
    address: string,
    blockers: () => Promise<{ id: string; name: string }[]>,
  ): Promise<void> {
    const user = await this.repo.findUserById(auth.userId);
    if (!user) throw notFound();
    const attemptId = await this.reserveAttempt(user.email, address);
    const ok = await verify(user.passwordHash, password).catch(() => false);
    if (!ok) {
      await this.audit({
        kind: 'sign-in-failed',
        subjectUserId: user.id,
        address,
        detail: { at: 'account-deletion' },
      });
      await this.alertOwner(user.email, address);
      throw badRequest('invalid_password', 'Your password is not correct.', [
        { field: 'password', message: 'is not correct' },
      ]);
    }
    await this.repo.markSignInSucceeded(attemptId);
    const organisations = await blockers();
    if (organisations.length > 0)
      throw conflict(
        'last_admin_of_organisations',
        `You are the only admin of ${organisations.map((o) => o.name).join(', ')}. Make someone else admin there, or delete the organisation, first.`,
        [{ field: 'organisations', message: organisations.map((o) => o.name).join(', ') }],
      ).withBody({ organisations });
    if (auth.platformRoles.includes('platform_admin') && (await this.repo.otherPlatformAdmins(user.id)) === 0)
      throw conflict(
        'last_platform_admin',
        'At least one platform admin must remain. Make someone else platform admin first.',
      );
    // Recorded before the account goes: the event keeps no name or address of the person (its user is set to
    // null with the account), only that an account was deleted, when and from where.
    await this.audit({ kind: 'account-deleted', userId: user.id, address });
    await this.repo.deleteUser(user.id);
    this.cache.forgetUser(user.id);
  }

  async authenticate(credentials: { cookie?: string; bearer?: string }): Promise<AuthContext | null> {
    if (credentials.bearer) {
      if (!credentials.bearer.startsWith(TOKEN_PREFIX)) return null;
      const tokenHash = keyedHash(this.secret, credentials.bearer);
      const cached = this.cache.get(`t:${tokenHash}`);
      const expiry = this.tokenExpiries.get(tokenHash);
      if (cached && (expiry === undefined || expiry > this.now())) return cached;
      const row = await this.repo.findTokenContext(tokenHash);
      if (!row) return null;
      const expiresAt = await this.repo.tokenExpiry(row.tokenId);
      if (expiresAt && expiresAt.getTime() <= this.now()) return null;
      await this.repo.touchToken(row.tokenId);
      const context = toContext(row, 'token', null);
      // A cached context must not outlive the token: its expiry is checked on every cache hit.
      if (expiresAt) this.tokenExpiries.set(tokenHash, expiresAt.getTime());
      this.cache.set(`t:${tokenHash}`, context);
      return context;
    }
    if (credentials.cookie) {
      const sessionId = this.sessionId(credentials.cookie);
      const cached = this.cache.get(`s:${sessionId}`);
      if (cached) return cached;
      const row = await this.repo.findSessionContext(sessionId);
      if (!row) return null;
      const context = toContext(row, 'session', sessionId);
      this.cache.set(`s:${sessionId}`, context);
      return context;
    }
    return null;
  }

  async setActiveOrganisation(auth: AuthContext, organisationId: string | null): Promise<void> {
    if (auth.sessionId) await this.repo.setActiveOrganisation(auth.sessionId, organisationId);
    this.cache.forgetUser(auth.userId);
  }

  async createToken(
    auth: AuthContext,
    name: string,
    expiresAt: string | undefined,
    address: string,
  ): Promise<CreatedToken> {
    const secret = `${TOKEN_PREFIX}${newSecret()}`;
    const row = await this.repo.createToken({
      userId: auth.userId,
      name,
      tokenHash: keyedHash(this.secret, secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      organisationId: auth.organisation?.id ?? null,
      expiresAt: expiresAt ? new Date(expiresAt) : null,
    });
    await this.audit({
      kind: 'token-created',
      userId: auth.userId,
      address,
      detail: { token: row.prefix, name, ...(expiresAt ? { expiresAt } : {}) },
    });
    return { token: toApiToken(row), secret };
  }

  async listTokens(auth: AuthContext): Promise<ApiToken[]> {
    return (await this.repo.listTokens(auth.userId)).map(toApiToken);
  }

  async revokeToken(auth: AuthContext, tokenId: string, address: string): Promise<void> {
    const revoked = await this.repo.revokeToken(auth.userId, tokenId);
    if (!revoked) throw notFound('No such token.');
    this.cache.forgetUser(auth.userId);
    await this.audit({
      kind: 'token-revoked',
      userId: auth.userId,
      address,
      detail: { token: revoked.prefix },
    });
  }

  /**
   * Everything the installation holds about the signed-in person, as JSON and CSV in a zip (issue 9, point 13):
   * profile, memberships, platform roles, sessions and API tokens (when, never their secrets), own audit events.
   */
  async exportAccount(
    auth: AuthContext,
    memberships: { organisationId: string; name: string; role: string }[],
    address: string,
    /** What the notifications module holds about the person: their notices and their choices. */
    notices: PersonalNotices = { language: 'nl', preferences: [], notifications: [] },
  ): Promise<{ filename: string; zip: Uint8Array }> {
    const user = await this.repo.findUserById(auth.userId);
    if (!user) throw notFound();
    const exportedAt = new Date(this.now()).toISOString();
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const profile = { id: user.id, name: user.name, email: user.email, createdAt: iso(user.createdAt) };
    const platformRoles = await this.repo.platformRolesOf(user.id);
    const sessions = (await this.repo.listSessions(user.id)).map((s) => ({
      createdAt: iso(s.createdAt),
      expiresAt: iso(s.expiresAt),
      current: s.id === auth.sessionId,
    }));
    const apiTokens = (await this.repo.listAllTokens(user.id)).map((t) => ({
      name: t.name,
      prefix: t.prefix,
      createdAt: iso(t.createdAt),
      lastUsedAt: iso(t.lastUsedAt),
      expiresAt: iso(t.expiresAt),
      revokedAt: iso(t.revokedAt),
    }));
    const auditEvents: AuditEvent[] = [];
    if (this.options.audit) {
      let before: number | undefined;
      do {
        const page = await this.options.audit.page({ userId: user.id }, { limit: 200, before });
        auditEvents.push(...page.events);
        before = page.next ?? undefined;
      } while (before !== undefined);
    }
    const account = {
      exportedAt,
      profile,
      memberships,
      platformRoles,
      sessions,
      apiTokens,
      auditEvents,
      notificationLanguage: notices.language,
      notificationPreferences: notices.preferences,
      notifications: notices.notifications,
    };
    const files = {
      'README.txt': [
        `Impact Wheel: everything this installation holds about ${user.name}, exported ${exportedAt}.`,
        '',
        'account.json        everything below in one file',
        'profile.csv         your name and e-mail address',
        'memberships.csv     organisations you belong to, and your role',
        'platform-roles.csv  roles on the whole installation',
        'sessions.csv        when your sign-ins started and end (no cookies)',
        'api-tokens.csv      your API tokens (names and dates, never the secrets)',
        'audit-events.csv    security events about your account',
        'notifications.csv   the notices made for you (kind, when, read, about which collaboration)',
        'notification-preferences.csv  how you get each kind of notice',
        '',
      ].join('\r\n'),
      'account.json': `${JSON.stringify(account, null, 2)}\n`,
      'profile.csv': toCsv(
        ['id', 'name', 'email', 'created_at'],
        [[user.id, user.name, user.email, profile.createdAt]],
      ),
      'memberships.csv': toCsv(
        ['organisation_id', 'organisation', 'role'],
        memberships.map((m) => [m.organisationId, m.name, m.role]),
      ),
      'platform-roles.csv': toCsv(
        ['role'],
        platformRoles.map((r) => [r]),
      ),
      'sessions.csv': toCsv(
        ['created_at', 'expires_at', 'this_session'],
        sessions.map((s) => [s.createdAt, s.expiresAt, s.current]),
      ),
      'api-tokens.csv': toCsv(
        ['name', 'prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'],
        apiTokens.map((t) => [t.name, t.prefix, t.createdAt, t.lastUsedAt, t.expiresAt, t.revokedAt]),
      ),
      'notifications.csv': toCsv(
        ['created_at', 'kind', 'read_at', 'collaboration_id'],
        notices.notifications.map((n) => [n.createdAt, n.kind, n.readAt, n.collaborationId]),
      ),
      'notification-preferences.csv': toCsv(
        ['kind', 'channel'],
        notices.preferences.map((p) => [p.kind, p.channel]),
      ),
      'audit-events.csv': toCsv(
        ['at', 'kind', 'actor', 'subject', 'organisation_id', 'address', 'detail'],
        auditEvents.map((e) => [
          e.at,
          e.kind,
          e.actor?.name ?? null,
          e.subject?.name ?? null,
          e.organisationId,
          e.address,
          e.detail ? JSON.stringify(e.detail) : null,
        ]),
      ),
    };
    await this.audit({ kind: 'account-exported', userId: user.id, address });
    return {
      filename: `impact-wheel-account-${slug(user.name)}-${exportedAt.slice(0, 10)}.zip`,
      zip: zipFiles(files),
    };
  }

  private sessionId(cookieValue: string): string {
    return keyedHash(this.secret, cookieValue);
  }
}

/** When the back-off of one scope lets the next attempt in (0: now). */
export function nextAttemptAt(rule: BackOff, failures: SignInFailures): number {
  if (failures.count < rule.free || !failures.last) return 0;
  const wait = Math.min(rule.baseMs * 2 ** Math.min(failures.count - rule.free, 40), rule.capMs);
  return failures.last.getTime() + wait;
}

function tooManyAttempts(retryAt: Date, now: number, purpose: LimitedAction = 'sign-in') {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now) / 1000));
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  const what = {
    'sign-in': 'failed sign-in attempts',
    'sign-up': 'sign-ups from this network address or for this e-mail address',
    'password-reset': 'password-reset requests from this network address or for this e-mail address',
  }[purpose];
  return new AppError(
    429,
    purpose === 'sign-in' ? 'too_many_attempts' : 'too_many_requests',
    `Too many ${what}. Try again in ${wait}, after ${retryAt.toISOString()}.`,
    [{ field: 'retryAt', message: retryAt.toISOString() }],
    { 'retry-after': String(seconds) },
  );
}

function linkRefused(reason: 'unknown' | 'used' | 'expired') {
  if (reason === 'used')
    return conflict('link_used', 'This link was used already. Each link works once.', [
      { field: 'token', message: 'was used already' },
    ]);
  if (reason === 'expired')
    return conflict('link_expired', 'This link has expired. Ask for a new one.', [
      { field: 'token', message: 'has expired' },
    ]);
  return notFound('This link is not valid. Check that you copied all of it, or ask for a new one.');
}

function toContext(row: AuthContextRow, via: 'session' | 'token', sessionId: string | null): AuthContext {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    platformRoles: row.platformRoles,
    via,
    sessionId,
    csrfToken: row.csrfToken,
    organisation:
      row.activeOrganisationId && row.activeRole
        ? { id: row.activeOrganisationId, role: row.activeRole }
        : null,
  };
}

function toApiToken(row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
