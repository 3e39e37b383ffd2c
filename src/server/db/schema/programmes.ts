import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CohortFigures } from '../../../domain/disclosure/cohort.ts';
import { ORGANISATION_TYPES } from '../../../domain/vocabulary.ts';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/** A cohort of organisations that a facilitator runs, as the research did with sixteen companies. */
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  description: text('description'),
  startsOn: date('starts_on', { mode: 'string' }),
  endsOn: date('ends_on', { mode: 'string' }),
  facilitatorId: uuid('facilitator_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A link any number of organisations may use to join, until it expires or is withdrawn. */
export const programmeInvitations = pgTable('programme_invitations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  programmeId: uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Also sent to this address (lower case): someone with an account there sees it on their dashboard. */
  email: text('email'),
});

export const programmeMembers = pgTable(
  'programme_members',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** When set, the organisation shares its submitted self-assessments with the programme's aggregates. */
    consentAt: timestamp('consent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.organisationId] }),
    index('programme_members_org_idx').on(t.organisationId),
  ],
);

/**
 * A publication of the cohort figures. Figures change only here, never at a single consent (decision 0010).
 * `figures` holds the released counts per filter and statement; withheld cells are null.
 */
export const cohortSnapshots = pgTable(
  'cohort_snapshots',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    figures: jsonb('figures').$type<CohortFigures>().notNull(),
  },
  (t) => [unique('cohort_snapshots_number').on(t.programmeId, t.number)],
);

/**
 * Who a snapshot rests on, without answers: what disclosure control needs to check later snapshots against
 * this one. Deliberately without foreign keys to rounds and organisations: a deleted collaboration must not
 * erase what a reader has already seen.
 */
export const cohortSnapshotRespondents = pgTable(
  'cohort_snapshot_respondents',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => cohortSnapshots.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    organisationType: text('organisation_type', { enum: ORGANISATION_TYPES }).notNull(),
    roundNumber: integer('round_number').notNull(),
    /** Where it fell in the snapshot (domain/disclosure/cohort.ts, CohortPlace). */
    period: integer('period').notNull(),
    latest: boolean('latest').notNull(),
    latestInPeriod: boolean('latest_in_period').notNull(),
    /** A bit per statement answered. */
    answered: integer('answered').notNull(),
    /** The facilitator belonged to or created the organisation when the snapshot was published. */
    known: boolean('known').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.roundId, t.organisationId] }),
    index('cohort_snapshot_respondents_org_idx').on(t.organisationId),
  ],
);
