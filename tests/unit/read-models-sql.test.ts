// The SQL of every cross-module read is kept as a file beside its read model, so a change in a query shows
// up in review (as Immich keeps its queries). After a deliberate change: npx vitest run -u --project unit

import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { cohortCountsSql, programmeMembersSql } from '../../src/server/read-models/cohort.ts';
import {
  activeParticipantsSql,
  partnerInvitationSql,
} from '../../src/server/read-models/collaboration-partners.ts';

const dialect = new PgDialect();
const ID = '00000000-0000-4000-8000-000000000001';

const queries: Record<string, SQL> = {
  'collaboration-partners.active-participants': activeParticipantsSql([ID, ID]),
  'collaboration-partners.partner-invitation': partnerInvitationSql('token-hash'),
  'cohort.counts': cohortCountsSql(ID, { type: 'wise', round: 1 }, 2),
  'cohort.programme-members': programmeMembersSql(ID),
};

describe('read models', () => {
  for (const [name, query] of Object.entries(queries)) {
    it(`${name} keeps its reviewed SQL`, async () => {
      const { sql, params } = dialect.sqlToQuery(query);
      const text = `-- ${name}\n-- params: ${JSON.stringify(params)}\n${sql.replace(/[ \t]+$/gm, '')}\n`;
      await expect(text).toMatchFileSnapshot(`../../src/server/read-models/sql/${name}.sql`);
    });
  }
});
