// A PostgreSQL server may end an idle connection at any time (restart, failover, an administrator's
// pg_terminate_backend). The app must carry on with a new connection instead of dying of an unhandled error.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/server/db/client.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('the PostgreSQL connection pool', () => {
  it('survives the server ending its idle connections', async () => {
    const name = `iw_pool_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 3 });
    try {
      await Promise.all([1, 2, 3].map(() => queryRows(database.db, sql`select pg_sleep(0.01)`)));
      const ended = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      expect(ended.rowCount).toBeGreaterThan(0);
      // Give the pool's idle clients time to receive the server's goodbye.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
      expect(row?.one).toBe(1);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
