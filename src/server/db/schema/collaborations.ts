import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { AMBITIONS, IMPACT_LEVELS, REVEAL_REASONS, ROUND_CADENCES } from '../../../domain/vocabulary.ts';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

export const collaborations = pgTable('collaborations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  purpose: text('purpose'),
  startDate: date('start_date', { mode: 'string' }),
  ambition: text('ambition', { enum: AMBITIONS }).notNull(),
  createdByOrganisationId: uuid('created_by_organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  // The collaboration's rhythm: when the partners next meet, where, and how often they hold a round.
  nextConversationAt: timestamp('next_conversation_at', { withTimezone: true }),
  nextConversationPlace: text('next_conversation_place'),
  nextConversationLink: text('next_conversation_link'),
  roundCadence: text('round_cadence', { enum: ROUND_CADENCES }).notNull().default('off'),
});

export const collaborationParticipants = pgTable(
  'collaboration_participants',
  {
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.organisationId] }),
    index('collaboration_participants_org_idx').on(t.organisationId),
  ],
);

export const collaborationInvitations = pgTable(
  'collaboration_invitations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    invitedByOrganisationId: uuid('invited_by_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedByOrganisationId: uuid('accepted_by_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Sent to this address (lower case): someone with an account there sees it on their dashboard. */
    email: text('email'),
  },
  (t) => [
    index('collaboration_invitations_collab_idx').on(t.collaborationId),
    index('collaboration_invitations_email_idx').on(t.email),
  ],
);

export const rounds = pgTable(
  'rounds',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    revealReason: text('reveal_reason', { enum: REVEAL_REASONS }),
    /** The round's self-assessment has a life of its own (issue 10, point 2): revealed by the same rule, apart. */
    assessmentRevealedAt: timestamp('assessment_revealed_at', { withTimezone: true }),
    assessmentRevealReason: text('assessment_reveal_reason', { enum: REVEAL_REASONS }),
  },
  (t) => [unique('rounds_collaboration_number').on(t.collaborationId, t.number)],
);

/** Per round and organisation: whether it submitted, and whether it agreed to reveal early. */
export const roundParticipation = pgTable(
  'round_participation',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    earlyRevealAt: timestamp('early_reveal_at', { withTimezone: true }),
    /** The self-assessment of this round: submitted (still editable until its reveal), early reveal, the partnership ambition. */
    assessmentSubmittedAt: timestamp('assessment_submitted_at', { withTimezone: true }),
    assessmentEarlyRevealAt: timestamp('assessment_early_reveal_at', { withTimezone: true }),
    partnershipAmbition: text('partnership_ambition', { enum: AMBITIONS }),
    /**
     * The twelve answers in the instrument's item order, kept beside assessment_answers so cohort figures add
     * up one row per respondent instead of twelve (docs/benchmarks.md).
     */
    assessmentValues: smallint('assessment_values').array(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.organisationId] }),
    index('round_participation_org_idx').on(t.organisationId),
  ],
);

export const ratings = pgTable(
  'ratings',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    topicId: text('topic_id').notNull(),
    /** 1–4, or null with notRelevant for "not relevant yet", or null alone for an answer without a rating. */
    rating: smallint('rating'),
    notRelevant: boolean('not_relevant').notNull().default(false),
    answer: text('answer'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.organisationId, t.topicId] }),
    check('ratings_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 4`),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    /** What it belongs to: a wheel topic, or a deliverable of the partnering process; always one of the two. */
    topicId: text('topic_id'),
    deliverableId: text('deliverable_id'),
    text: text('text').notNull(),
    agreedBy: text('agreed_by'),
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreements_collaboration_idx').on(t.collaborationId),
    check('agreements_topic_or_deliverable', sql`(${t.topicId} is null) <> (${t.deliverableId} is null)`),
  ],
);

/** Each partner organisation agrees to an agreement's current text on its own; an edit asks again. */
export const agreementApprovals = pgTable(
  'agreement_approvals',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.organisationId] })],
);

export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    /** What it belongs to: a wheel topic, or a deliverable of the partnering process; always one of the two. */
    topicId: text('topic_id'),
    deliverableId: text('deliverable_id'),
    text: text('text').notNull(),
    /** A free name; or, when a member of a partner organisation owns it, their account below. */
    owner: text('owner'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Raised by every change, so two people editing one action cannot overwrite each other (409). */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('actions_collaboration_idx').on(t.collaborationId),
    check('actions_topic_or_deliverable', sql`(${t.topicId} is null) <> (${t.deliverableId} is null)`),
  ],
);

/** One organisation's answer to one self-assessment statement in one round; null value is "no answer". */
export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    value: smallint('value'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.organisationId, t.itemId] }),
    // The cohort chart reads all answers of a programme's organisations.
    index('assessment_answers_org_idx').on(t.organisationId, t.roundId),
    check('assessment_answers_value_range', sql`${t.value} is null or ${t.value} between 1 and 5`),
  ],
);

/** Impact ambitions per level (individual, organisation, society) with a priority, per round and organisation. */
export const impactAmbitions = pgTable(
  'impact_ambitions',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    level: text('level', { enum: IMPACT_LEVELS }).notNull(),
    text: text('text'),
    priority: smallint('priority'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.organisationId, t.level] }),
    check('impact_ambitions_priority_range', sql`${t.priority} is null or ${t.priority} between 1 and 3`),
  ],
);
