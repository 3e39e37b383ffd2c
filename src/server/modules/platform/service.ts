import type { PlatformRole } from '../../../contracts/accounts.ts';
import type { AdminUser } from '../../../contracts/platform.ts';
import type { AuthCache } from '../../http/auth-cache.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { AuditLog } from '../audit/service.ts';
import type { PlatformRepository } from './repository.ts';

export class PlatformService {
  constructor(
    private readonly repo: PlatformRepository,
    private readonly cache: AuthCache,
    private readonly audit?: AuditLog,
  ) {}

  async listUsers(query: {
    q?: string;
    limit: number;
    offset: number;
  }): Promise<{ users: AdminUser[]; total: number }> {
    const { rows, total } = await this.repo.listUsers(query);
    return { users: rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })), total };
  }

  /** `by` is the platform admin who did it; null from the command line. */
  async grant(userId: string, role: PlatformRole, by: string | null = null): Promise<void> {
    if (!(await this.repo.userExists(userId))) throw notFound('No such user.');
    await this.repo.grant(userId, role);
    this.cache.forgetUser(userId);
    await this.audit?.record({
      kind: 'platform-role-granted',
      userId: by,
      subjectUserId: userId,
      detail: { role },
    });
  }

  async revoke(userId: string, role: PlatformRole, by: string | null = null): Promise<void> {
    if (!(await this.repo.userExists(userId))) throw notFound('No such user.');
    if (!(await this.repo.revoke(userId, role))) {
      throw conflict(
        'last_platform_admin',
        'The installation needs at least one platform admin. Grant the role to someone else first.',
      );
    }
    this.cache.forgetUser(userId);
    await this.audit?.record({
      kind: 'platform-role-revoked',
      userId: by,
      subjectUserId: userId,
      detail: { role },
    });
  }

  /** For the command line (`npm run admin`): by e-mail address. */
  async grantByEmail(email: string, role: PlatformRole): Promise<void> {
    const userId = await this.repo.findUserIdByEmail(email.toLowerCase());
    if (!userId) throw notFound(`No account with e-mail address ${email}.`);
    await this.grant(userId, role);
  }

  async revokeByEmail(email: string, role: PlatformRole): Promise<void> {
    const userId = await this.repo.findUserIdByEmail(email.toLowerCase());
    if (!userId) throw notFound(`No account with e-mail address ${email}.`);
    await this.revoke(userId, role);
  }
}
