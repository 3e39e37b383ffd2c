import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LOCALES, PLATFORM_ROLES } from '../../../domain/vocabulary.ts';
import { organisations } from './organisations.ts';

/** The actions limited per e-mail and network address in `sign_in_attempts` (decisions 0011, 0012). */
export const LIMITED_ACTIONS = ['sign-in', 'sign-up', 'password-reset'] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];
export const ACCOUNT_LINK_PURPOSES = ['sign-up', 'password-reset'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** The language of the e-mails and calendar entries the product writes to this person. */
  locale: text('locale', { enum: LOCALES }).notNull().default('nl'),
  // When the owner was last e-mailed about failed sign-ins: at most one such e-mail per window.
  signInAlertAt: timestamp('sign_in_alert_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const platformRoles = pgTable(
  'platform_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PLATFORM_ROLES }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const sessions = pgTable(
  'sessions',
  {
    // HMAC of the cookie value: a leaked table does not yield usable cookies.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    activeOrganisationId: uuid('active_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    // Refused after this moment; null: until revoked.
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    // Which action the row limits: sign-ins, sign-ups and reset requests each count only their own kind.
    purpose: text('purpose', { enum: LIMITED_ACTIONS }).notNull().default('sign-in'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.createdAt),
    index('sign_in_attempts_address_idx').on(t.address, t.createdAt),
  ],
);

/**
 * Single-use links sent by e-mail (or handed over by an admin): confirming a sign-up, resetting a password.
 * Only the keyed hash of the link's token is stored. A pending sign-up keeps the chosen name and password hash
 * until the owner of the address confirms (docs/decisions/0012-…).
 */
export const accountLinks = pgTable(
  'account_links',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    purpose: text('purpose', { enum: ACCOUNT_LINK_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name'),
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_links_user_idx').on(t.userId), index('account_links_email_idx').on(t.email)],
);
