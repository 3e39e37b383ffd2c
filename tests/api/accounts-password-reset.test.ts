import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/server/db/client.ts';
import { users } from '../../src/server/db/schema/index.ts';
import { type AccountsApp, startAccountsApp } from './accounts-app.ts';
import { Client, PASSWORD, signUp, startTestApp, uniqueEmail } from './harness.ts';

// Issue 9, point 8: a forgotten password is replaced through a link sent by e-mail or handed over by an admin.
let t: AccountsApp;
let clock = Date.parse('2026-03-02T09:00:00Z');
beforeAll(async () => {
  t = await startAccountsApp({ signIn: { now: () => clock } });
});
afterAll(async () => {
  await t.close();
});

const NEW_PASSWORD = 'a brand new pass phrase';
const resetToken = (email: string) =>
  t.mail.findLast((m) => m.to === email)?.text.match(/\/password-reset\/([\w-]+)/)?.[1];
const fresh = (address: string) => {
  const client = new Client(t.app);
  client.address = address;
  return client;
};

describe('password reset', () => {
  it('answers a known and an unknown address alike, and mails a link only to the account', async () => {
    const email = uniqueEmail('owner');
    await signUp(t.app, 'Owner', email);
    const before = t.mail.length;
    const known = await fresh('192.0.2.1').post('/auth/password-reset', { email });
    const unknown = await fresh('192.0.2.1').post('/auth/password-reset', { email: uniqueEmail('nobody') });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(known.body).toEqual({ emailSent: true });
    expect(t.mail.length - before).toBe(1);
    const mail = t.mail.at(-1)!;
    expect(mail.to).toBe(email);
    expect(mail.text).toContain('http://localhost:3000/password-reset/');
    const token = resetToken(email)!;
    const stored = await queryRows<{ token_hash: string }>(
      t.database.db,
      sql`select token_hash from account_links where email = ${email} and purpose = 'password-reset'`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
  });

  it('sets the new password once, signs out every session, and closes the other links', async () => {
    const email = uniqueEmail('owner');
    const session = await signUp(t.app, 'Owner', email);
    const other = new Client(t.app);
    await other.post('/auth/sign-in', { email, password: PASSWORD });
    await fresh('192.0.2.2').post('/auth/password-reset', { email });
    const first = resetToken(email)!;
    await fresh('192.0.2.2').post('/auth/password-reset', { email });
    const second = resetToken(email)!;
    expect(second).not.toBe(first);

    const tooShort = await new Client(t.app).post(`/auth/password-reset/${second}`, { password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.details[0].field).toBe('password');

    const reset = await new Client(t.app).post(`/auth/password-reset/${second}`, { password: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect((await session.get('/me')).status).toBe(401);
    expect((await other.get('/me')).status).toBe(401);
    expect((await new Client(t.app).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(401);
    expect((await new Client(t.app).post('/auth/sign-in', { email, password: NEW_PASSWORD })).status).toBe(
      200,
    );

    const again = await new Client(t.app).post(`/auth/password-reset/${second}`, { password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('link_used');
    const older = await new Client(t.app).post(`/auth/password-reset/${first}`, { password: PASSWORD });
    expect(older.status).toBe(409);
    expect(older.body.error.code).toBe('link_used');
    const unknown = await new Client(t.app).post('/auth/password-reset/not-a-real-link-at-all', {
      password: PASSWORD,
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses a link after an hour', async () => {
    const email = uniqueEmail('late');
    await signUp(t.app, 'Late', email);
    await fresh('192.0.2.3').post('/auth/password-reset', { email });
    const token = resetToken(email)!;
    clock += 3_600_000 + 1;
    const expired = await new Client(t.app).post(`/auth/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(expired.status).toBe(409);
    expect(expired.body.error.code).toBe('link_expired');
    expect((await new Client(t.app).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it('limits requests per e-mail address and per network address', async () => {
    clock += 2 * 86_400_000;
    const email = uniqueEmail('inbox');
    await signUp(t.app, 'Inbox', email);
    for (let i = 0; i < 3; i++)
      expect((await fresh(`198.51.100.${i + 1}`).post('/auth/password-reset', { email })).status).toBe(202);
    const refused = await fresh('198.51.100.50').post('/auth/password-reset', { email });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(refused.raw.headers['retry-after']).toBe('60');

    const address = '203.0.113.9';
    for (let i = 0; i < 10; i++)
      expect((await fresh(address).post('/auth/password-reset', { email: uniqueEmail() })).status).toBe(202);
    expect((await fresh(address).post('/auth/password-reset', { email: uniqueEmail() })).status).toBe(429);
    // Reset requests do not slow sign-ins from that address.
    expect((await fresh(address).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });
});

describe('the secret in a link', () => {
  it('never reaches the log, in the API path or the page path', async () => {
    const logged = await startTestApp();
    try {
      await new Client(logged.app).post('/auth/password-reset/secret-reset-token-123', {
        password: PASSWORD,
      });
      await new Client(logged.app).post('/auth/sign-up/secret-sign-up-token-456');
      await logged.app.inject({ method: 'GET', url: '/password-reset/secret-page-token-789' });
      await logged.app.inject({ method: 'GET', url: '/sign-up/confirm/secret-page-token-000' });
      const text = logged.logs.join('');
      expect(text).toContain('/api/v1/auth/password-reset/[redacted]');
      for (const secret of [
        'secret-reset-token-123',
        'secret-sign-up-token-456',
        'secret-page-token-789',
        'secret-page-token-000',
      ])
        expect(text).not.toContain(secret);
    } finally {
      await logged.close();
    }
  });
});

describe('npm run admin -- reset-password (no e-mail)', () => {
  it('prints a one-time link that sets the password', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'iw-admin-'));
    try {
      const database = await openDatabase({ kind: 'pglite', dataDir });
      await database.db.insert(users).values({ email: 'vergeten@example.org', name: 'V', passwordHash: 'x' });
      await database.close();
      const run = (email: string) =>
        promisify(execFile)('npx', ['tsx', 'scripts/admin.ts', 'reset-password', email], {
          env: { ...process.env, DATA_DIR: dataDir, SESSION_SECRET: 'test-secret-0123456789abcdef' },
        });
      const { stdout } = await run('Vergeten@example.org');
      const token = stdout.match(/http:\/\/localhost:\d+\/password-reset\/([\w-]+)/)?.[1];
      expect(token).toBeTruthy();
      await expect(run('niemand@example.org')).rejects.toMatchObject({ code: 1 });
      const stored = await openDatabase({ kind: 'pglite', dataDir });
      const rows = await queryRows<{ n: number }>(
        stored.db,
        sql`select count(*)::int as n from account_links where email = 'vergeten@example.org' and used_at is null and expires_at > now() + interval '59 minutes'`,
      );
      await stored.close();
      expect(rows[0]?.n).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
