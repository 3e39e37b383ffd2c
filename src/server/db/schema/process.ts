import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHECK_MOMENTS, DECISIONS } from '../../../domain/process/index.ts';
import { REVEAL_REASONS } from '../../../domain/vocabulary.ts';
import { users } from './accounts.ts';
import { collaborations, rounds } from './collaborations.ts';
import { organisations } from './organisations.ts';

/** One plan-do-check-act cycle of a collaboration's partnering process; the newest is the one being worked on. */
export const processCycles = pgTable(
  'process_cycles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** The wheel round opened with this cycle, so the conversation and the process stay in step. */
    roundId: uuid('round_id').references(() => rounds.id, { onDelete: 'set null' }),
    decision: text('decision', { enum: DECISIONS }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [unique('process_cycles_collaboration_number').on(t.collaborationId, t.number)],
);

/** A deliverable's current content in a cycle; each save is also kept in process_deliverable_versions. */
export const processDeliverables = pgTable(
  'process_deliverables',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    deliverableId: text('deliverable_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.deliverableId] })],
);

export const processDeliverableVersions = pgTable(
  'process_deliverable_versions',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    deliverableId: text('deliverable_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.deliverableId, t.version] })],
);

/** An organisation's sign-off of one version; a later version needs a new one. */
export const processSignOffs = pgTable(
  'process_sign_offs',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    deliverableId: text('deliverable_id').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    signedBy: uuid('signed_by').references(() => users.id, { onDelete: 'set null' }),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.deliverableId, t.organisationId] })],
);

/** The appropriateness and readiness checks of a cycle, per moment: revealed together like a wheel round. */
export const processCheckSets = pgTable(
  'process_check_sets',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    moment: text('moment', { enum: CHECK_MOMENTS }).notNull(),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    revealReason: text('reveal_reason', { enum: REVEAL_REASONS }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.moment] })],
);

export const processCheckParticipation = pgTable(
  'process_check_participation',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    moment: text('moment', { enum: CHECK_MOMENTS }).notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    earlyRevealAt: timestamp('early_reveal_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.moment, t.organisationId] })],
);

export const processCheckAnswers = pgTable(
  'process_check_answers',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    moment: text('moment', { enum: CHECK_MOMENTS }).notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    rating: smallint('rating'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.moment, t.organisationId, t.criterionId] })],
);

export const processPilots = pgTable(
  'process_pilots',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    plan: text('plan'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    participants: text('participants'),
    results: text('results'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('process_pilots_cycle_idx').on(t.cycleId)],
);

/** The measured value of a go/no-go criterion (a keyed row of the measurement system). */
export const processMeasurements = pgTable(
  'process_measurements',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    value: doublePrecision('value'),
    note: text('note'),
    measuredBy: uuid('measured_by').references(() => users.id, { onDelete: 'set null' }),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.criterionId] })],
);

/** Each partner's choice at Scale; the decision stands when all partners chose the same (domain/process). */
export const processDecisionVotes = pgTable(
  'process_decision_votes',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => processCycles.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    reason: text('reason'),
    votedBy: uuid('voted_by').references(() => users.id, { onDelete: 'set null' }),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.organisationId] })],
);
