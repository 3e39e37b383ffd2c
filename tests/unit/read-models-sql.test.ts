// The SQL of every cross-module read is kept as a file beside its read model, so a change in a query shows
// up in review (as Immich keeps its queries). After a deliberate change: npx vitest run -u --project unit

import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pg-proxy';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/client.ts';
import * as schema from '../../src/server/db/schema/index.ts';
import { auditEventsSql } from '../../src/server/read-models/audit.ts';
import { sessionContextSql, tokenContextSql } from '../../src/server/read-models/auth-context.ts';
import {
  cohortChangesSql,
  cohortRespondentsSql,
  programmeMembersSql,
} from '../../src/server/read-models/cohort.ts';
import {
  activeParticipantsSql,
  collaborationPeopleSql,
  formerParticipantsSql,
  partnerInvitationSql,
} from '../../src/server/read-models/collaboration-partners.ts';
import { membersQuery, usersPageQuery } from '../../src/server/read-models/people.ts';

const dialect = new PgDialect();
// Queries built with Drizzle's builder need a client to be built on; this one never runs them.
const db = drizzle(async () => ({ rows: [] }), { schema }) as unknown as Db;
const ID = '00000000-0000-4000-8000-000000000001';

const queries: Record<string, SQL | { toSQL: () => { sql: string; params: unknown[] } }> = {
  'auth-context.session': sessionContextSql('session-id'),
  'auth-context.token': tokenContextSql('token-hash'),
  'people.members': membersQuery(db, ID),
  'people.users-page': usersPageQuery(db, { q: 'anne_%', limit: 50, offset: 0 }),
  'collaboration-partners.active-participants': activeParticipantsSql([ID, ID]),
  'collaboration-partners.former-participants': formerParticipantsSql([ID]),
  'collaboration-partners.people': collaborationPeopleSql([ID]),
  'collaboration-partners.partner-invitation': partnerInvitationSql({ tokenHash: 'token-hash' }),
  'collaboration-partners.partner-invitations-for-address': partnerInvitationSql({
    email: 'anne@example.org',
  }),
  'cohort.respondents': cohortRespondentsSql(ID, ID),
  'audit.organisation-page': auditEventsSql(
    { organisationId: ID },
    { before: 10, limit: 50, kind: 'sign-in' },
  ),
  'audit.person-page': auditEventsSql({ userId: ID }, { limit: 50 }),
  'cohort.changes': cohortChangesSql(ID, ID),
  'cohort.programme-members': programmeMembersSql(ID),
};

describe('read models', () => {
  for (const [name, query] of Object.entries(queries)) {
    it(`${name} keeps its reviewed SQL`, async () => {
      const { sql, params } = 'toSQL' in query ? query.toSQL() : dialect.sqlToQuery(query);
      const text = `-- ${name}\n-- params: ${JSON.stringify(params)}\n${sql.replace(/[ \t]+$/gm, '')}\n`;
      await expect(text).toMatchFileSnapshot(`../../src/server/read-models/sql/${name}.sql`);
    });
  }
});
