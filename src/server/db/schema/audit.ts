import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUDIT_EVENTS } from '../../../domain/vocabulary.ts';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * Security events, kept for a configurable period (AUDIT_RETENTION_DAYS). Who did it (`userId`), to whom
 * (`subjectUserId`), in which organisation; never passwords, tokens or answers.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind', { enum: AUDIT_EVENTS }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    subjectUserId: uuid('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** The network address of the request, for sign-ins. */
    address: text('address'),
    /** Small facts that say what changed, such as the new role or a token's name. */
    detail: jsonb('detail').$type<Record<string, string>>(),
  },
  (t) => [
    index('audit_events_org_idx').on(t.organisationId, t.id),
    index('audit_events_user_idx').on(t.userId, t.id),
    index('audit_events_subject_idx').on(t.subjectUserId, t.id),
    index('audit_events_at_idx').on(t.at),
  ],
);
