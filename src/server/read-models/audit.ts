// The audit log with the names of the people in it: events are the audit module's, names the accounts module's.
import { type SQL, sql } from 'drizzle-orm';
import type { AuditEventKind } from '../../domain/vocabulary.ts';
import { type Db, queryRows } from '../db/client.ts';

export type AuditRow = {
  id: number;
  at: Date;
  kind: AuditEventKind;
  userId: string | null;
  userName: string | null;
  subjectUserId: string | null;
  subjectName: string | null;
  organisationId: string | null;
  address: string | null;
  detail: Record<string, string> | null;
};

/** Whose events: an organisation's, a person's (done by or to them), or everyone's (the platform admin). */
export type AuditScope = { organisationId: string } | { userId: string } | { all: true };

export function auditEventsSql(
  scope: AuditScope,
  query: { before?: number | undefined; limit: number; kind?: AuditEventKind | undefined },
): SQL {
  const where =
    'organisationId' in scope
      ? sql`e.organisation_id = ${scope.organisationId}`
      : 'userId' in scope
        ? sql`(e.user_id = ${scope.userId} or e.subject_user_id = ${scope.userId})`
        : sql`true`;
  return sql`select e.id::int as id, e.at, e.kind, e.user_id as "userId", u.name as "userName",
                 e.subject_user_id as "subjectUserId", s.name as "subjectName", e.organisation_id as "organisationId",
                 e.address, e.detail
            from audit_events e
            left join users u on u.id = e.user_id
            left join users s on s.id = e.subject_user_id
           where ${where}
             and (${query.before ?? null}::bigint is null or e.id < ${query.before ?? null}::bigint)
             and (${query.kind ?? null}::text is null or e.kind = ${query.kind ?? null}::text)
           order by e.id desc
           limit ${query.limit + 1}`;
}

export function auditEvents(db: Db, scope: AuditScope, query: Parameters<typeof auditEventsSql>[1]) {
  return queryRows<AuditRow>(db, auditEventsSql(scope, query));
}
