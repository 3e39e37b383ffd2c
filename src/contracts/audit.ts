import { z } from 'zod';
import { AUDIT_EVENTS } from '../domain/vocabulary.ts';
import { zId } from './common.ts';

const ZPerson = z.object({ userId: zId, name: z.string() }).nullable();

export const ZAuditEvent = z
  .object({
    id: z.number().int(),
    at: z.string(),
    kind: z.enum(AUDIT_EVENTS),
    /** Who did it; null for the system (such as the erasure job) or a deleted account. */
    actor: ZPerson,
    /** Whom it was about, when someone else: the member whose role changed. */
    subject: ZPerson,
    organisationId: zId.nullable(),
    address: z.string().nullable(),
    detail: z.record(z.string(), z.string()).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = z
  .object({
    events: z.array(ZAuditEvent),
    /** Pass as `before` for older events; null at the end. */
    next: z.number().int().nullable(),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof ZAuditPage>;

export const ZAuditQuery = z.object({
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  kind: z.enum(AUDIT_EVENTS).optional(),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;
