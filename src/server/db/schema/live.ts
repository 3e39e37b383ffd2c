import { sql } from 'drizzle-orm';
import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { collaborations } from './collaborations.ts';
import { organisations } from './organisations.ts';

/**
 * Who has a collaboration open now: one row per open live stream, on whichever app server holds it. A row is
 * refreshed with the stream's keep-alive and removed when the stream ends; a server that dies leaves rows that
 * stop counting once they are older than a minute or so.
 */
export const presence = pgTable(
  'presence',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('presence_collaboration_idx').on(t.collaborationId, t.seenAt)],
);
