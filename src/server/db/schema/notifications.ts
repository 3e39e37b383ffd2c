import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../../../domain/vocabulary.ts';
import { users } from './accounts.ts';
import { collaborations } from './collaborations.ts';
import { organisations } from './organisations.ts';
import { programmes } from './programmes.ts';

/**
 * What a person is told, stored as references, not sentences: the text is written when read, in the reader's
 * language, and only while the reader may still see the collaboration it is about.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    collaborationId: uuid('collaboration_id').references(() => collaborations.id, { onDelete: 'cascade' }),
    /** The programme an invitation is to. */
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    /** The action it is about, for the action kinds (no foreign key: a deleted action leaves the notice). */
    actionId: uuid('action_id'),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    /** Reminders are made by a sweep that may run again: one notice per person and occasion. */
    key: text('key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Scheduled and background work (decision 0015): e-mails to send, reminder sweeps. A row is claimed by one app
 * server at a time (`for update skip locked`), retried with back-off, and kept as failed for the platform admin.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    /** A job that must exist once (the sweep of one quarter hour, the e-mail of one notice). */
    key: text('key').unique(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('jobs_due_idx').on(t.runAt).where(sql`done_at is null and failed_at is null`)],
);
