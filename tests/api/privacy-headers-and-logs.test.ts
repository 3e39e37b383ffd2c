// Issue 9, point 12: API answers are never kept by a browser or proxy, and the log of an unexpected error
// does not carry what a person typed (a failed query's parameters, or the value the database quotes back).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { loggableError } from '../../src/server/http/errors.ts';
import { signUpWithOrganisation, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('privacy of API answers and error logs', () => {
  it('marks API answers no-store, signed in or not', async () => {
    const { client } = await signUpWithOrganisation(t.app, 'Cache BV');
    for (const response of [
      await client.get('/me'),
      await client.get('/organisation'),
      await client.get('/nope'),
    ]) {
      expect(response.raw.headers['cache-control']).toBe('no-store');
    }
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['cache-control']).toBe('no-store');
  });

  it('logs a failed query without its parameters or the value the database quotes back', async () => {
    const secret = 'Geheim antwoord van Sanne';
    const error = await queryRows(t.database.db, sql`select ${secret}::int as n`).catch((e: unknown) => e);
    // The raw error does carry the text: this is what must not reach the log.
    const raw = JSON.stringify({ message: (error as Error).message, cause: String((error as Error).cause) });
    expect(raw).toContain(secret);

    const logged = JSON.stringify(loggableError(error));
    expect(logged).not.toContain(secret);
    expect(logged).toContain('select $1::int as n');
    expect(logged).toContain('22P02');
  });
});
