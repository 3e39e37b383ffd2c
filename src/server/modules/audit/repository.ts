import { lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { type AuditScope, auditEvents as readAuditEvents } from '../../read-models/audit.ts';

export type { AuditScope };
export type NewAuditEvent = typeof auditEvents.$inferInsert;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async record(event: NewAuditEvent): Promise<void> {
    await this.db.insert(auditEvents).values(event);
  }

  list(scope: AuditScope, query: Parameters<typeof readAuditEvents>[2]) {
    return readAuditEvents(this.db, scope, query);
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const rows = await this.db
      .delete(auditEvents)
      .where(lt(auditEvents.at, cutoff))
      .returning({ id: auditEvents.id });
    return rows.length;
  }
}
