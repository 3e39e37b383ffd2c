import type { FastifyBaseLogger } from 'fastify';
import type { AuditPage, AuditQuery } from '../../../contracts/audit.ts';
import type { AuditEventKind } from '../../../domain/vocabulary.ts';
import type { AuditRepository, AuditScope } from './repository.ts';

export type AuditEventInput = {
  kind: AuditEventKind;
  userId?: string | null | undefined;
  subjectUserId?: string | null | undefined;
  organisationId?: string | null | undefined;
  address?: string | null | undefined;
  detail?: Record<string, string> | undefined;
};

/**
 * The audit log of security events (issue 9, point 15). Recording never fails the action it records: a lost
 * audit line is logged as an error instead, so the operator sees it.
 */
export class AuditLog {
  constructor(
    private readonly repo: AuditRepository,
    private readonly deps: { log: FastifyBaseLogger; retentionDays: number },
  ) {}

  async record(event: AuditEventInput): Promise<void> {
    try {
      await this.repo.record({
        kind: event.kind,
        userId: event.userId ?? null,
        subjectUserId: event.subjectUserId ?? null,
        organisationId: event.organisationId ?? null,
        address: event.address ?? null,
        detail: event.detail ?? null,
      });
    } catch (error) {
      this.deps.log.error({ err: error, kind: event.kind }, 'audit event could not be recorded');
    }
  }

  async page(scope: AuditScope, query: AuditQuery): Promise<AuditPage> {
    const rows = await this.repo.list(scope, query);
    const events = rows.slice(0, query.limit).map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      actor: r.userId ? { userId: r.userId, name: r.userName ?? '' } : null,
      subject: r.subjectUserId ? { userId: r.subjectUserId, name: r.subjectName ?? '' } : null,
      organisationId: r.organisationId,
      address: r.address,
      detail: r.detail,
    }));
    return { events, next: rows.length > query.limit ? (events.at(-1)?.id ?? null) : null };
  }

  /** Drops events older than the retention period; run by the hourly housekeeping. */
  purge(now = new Date()): Promise<number> {
    return this.repo.purgeBefore(new Date(now.getTime() - this.deps.retentionDays * 86_400_000));
  }
}
