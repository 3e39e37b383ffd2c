import { hash, verify } from '@node-rs/argon2';
import type {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  PlatformRole,
} from '../../../contracts/accounts.ts';
import type { AuthCache } from '../../http/auth-cache.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.ts';
import { keyedHash, newSecret } from '../../http/secrets.ts';
import type { AccountsRepository, AuthContextRow } from './repository.ts';

const SESSION_DAYS = 30;
const ATTEMPT_WINDOW_MINUTES = 15;
export const MAX_FAILED_PER_EMAIL = 5;
export const MAX_FAILED_PER_ADDRESS = 20;
const TOKEN_PREFIX = 'iwt_';

// A hash of a password nobody has: verifying against it when the e-mail is unknown keeps the
// response time the same, so sign-in does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

export type NewSession = { cookieValue: string; csrfToken: string; expiresAt: Date };

export class AccountsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly secret: string,
    private readonly cache: AuthCache,
  ) {}

  hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  async signUp(input: { name: string; email: string; password: string }) {
    const existing = await this.repo.findUserByEmail(input.email);
    if (existing) throw emailTaken();
    const user = await this.repo.createUser({
      name: input.name,
      email: input.email,
      passwordHash: await this.hashPassword(input.password),
    });
    if (!user) throw emailTaken();
    return user;
  }

  async signIn(input: { email: string; password: string; address: string }) {
    const attemptId = await this.repo.reserveSignInAttempt(
      { email: input.email, address: input.address },
      { since: attemptWindowStart(), perEmail: MAX_FAILED_PER_EMAIL, perAddress: MAX_FAILED_PER_ADDRESS },
    );
    if (attemptId === null) throw tooManyAttempts();
    const user = await this.repo.findUserByEmail(input.email);
    dummyHash ??= hash(newSecret());
    const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
    if (user && ok) await this.repo.markSignInSucceeded(attemptId);
    if (!user || !ok) {
      throw new AppError(401, 'invalid_credentials', 'That e-mail address and password do not match.', [
        { field: 'password', message: 'does not match this e-mail address' },
      ]);
    }
    return user;
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

  async changePassword(
    auth: AuthContext,
    body: Required<ChangePasswordBody>,
    address: string,
  ): Promise<void> {
    const user = await this.repo.findUserById(auth.userId);
    if (!user) throw notFound();
    // Guessing the current password here counts against the same limits as guessing it at sign-in: a stolen
    // session must not become a way to try passwords without end.
    const attemptId = await this.repo.reserveSignInAttempt(
      { email: user.email, address },
      { since: attemptWindowStart(), perEmail: MAX_FAILED_PER_EMAIL, perAddress: MAX_FAILED_PER_ADDRESS },
    );
    if (attemptId === null) throw tooManyAttempts();
    const ok = await verify(user.passwordHash, body.currentPassword).catch(() => false);
    if (ok) await this.repo.markSignInSucceeded(attemptId);
    if (!ok) {
      throw badRequest('invalid_current_password', 'Your current password is not correct.', [
        { field: 'currentPassword', message: 'is not correct' },
      ]);
    }
    await this.repo.updatePasswordHash(user.id, await this.hashPassword(body.newPassword));
    // Anyone else signed in with the old password is signed out; this session stays.
    await this.repo.deleteOtherSessions(user.id, auth.sessionId);
    this.cache.forgetUser(user.id);
  }

  async authenticate(credentials: { cookie?: string; bearer?: string }): Promise<AuthContext | null> {
    if (credentials.bearer) {
      if (!credentials.bearer.startsWith(TOKEN_PREFIX)) return null;
      const tokenHash = keyedHash(this.secret, credentials.bearer);
      const cached = this.cache.get(`t:${tokenHash}`);
      if (cached) return cached;
      const row = await this.repo.findTokenContext(tokenHash);
      if (!row) return null;
      await this.repo.touchToken(row.tokenId);
      const context = toContext(row, 'token', null);
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

  async createToken(auth: AuthContext, name: string): Promise<CreatedToken> {
    const secret = `${TOKEN_PREFIX}${newSecret()}`;
    const row = await this.repo.createToken({
      userId: auth.userId,
      name,
      tokenHash: keyedHash(this.secret, secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      organisationId: auth.organisation?.id ?? null,
    });
    return { token: toApiToken(row), secret };
  }

  async listTokens(auth: AuthContext): Promise<ApiToken[]> {
    return (await this.repo.listTokens(auth.userId)).map(toApiToken);
  }

  async revokeToken(auth: AuthContext, tokenId: string): Promise<void> {
    if (!(await this.repo.revokeToken(auth.userId, tokenId))) throw notFound('No such token.');
    this.cache.forgetUser(auth.userId);
  }

  private sessionId(cookieValue: string): string {
    return keyedHash(this.secret, cookieValue);
  }
}

const attemptWindowStart = () => new Date(Date.now() - ATTEMPT_WINDOW_MINUTES * 60_000);

function tooManyAttempts() {
  return new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-in attempts. Wait ${ATTEMPT_WINDOW_MINUTES} minutes and try again.`,
    undefined,
    { 'retry-after': String(ATTEMPT_WINDOW_MINUTES * 60) },
  );
}

function emailTaken() {
  return conflict('email_taken', 'An account with this e-mail address already exists. Sign in instead.', [
    { field: 'email', message: 'already has an account' },
  ]);
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
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
