import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_LEVELS } from '../../../domain/ledger/index.ts';
import { users } from './accounts.ts';
import { collaborations } from './collaborations.ts';
import { organisations } from './organisations.ts';

/**
 * An indicator a collaboration's partners chose: one of the library's (library_id) or their own (the columns
 * that describe it). Issue 13, point 2.
 */
export const ledgerIndicators = pgTable(
  'ledger_indicators',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    libraryId: text('library_id'),
    label: text('label'),
    definition: text('definition'),
    unit: text('unit'),
    level: text('level', { enum: INDICATOR_LEVELS }),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }),
    kind: text('kind', { enum: INDICATOR_KINDS }),
    baseline: doublePrecision('baseline'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('ledger_indicators_library').on(t.collaborationId, t.libraryId)],
);

export const ledgerTargets = pgTable(
  'ledger_targets',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => ledgerIndicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    target: doublePrecision('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

/** A partner's value for a period; a correction supersedes the row before it, which is kept. */
export const ledgerValues = pgTable(
  'ledger_values',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => ledgerIndicators.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source'),
    note: text('note'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ledger_values_current')
      .on(t.indicatorId, t.organisationId, t.period)
      .where(sql`superseded_at is null`),
    index('ledger_values_indicator_idx').on(t.indicatorId),
  ],
);
