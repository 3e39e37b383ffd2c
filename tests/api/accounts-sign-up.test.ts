import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type AccountsApp, startAccountsApp } from './accounts-app.ts';
import { Client, PASSWORD, signUp, uniqueEmail } from './harness.ts';

// Issue 9, point 8: sign-up does not tell whether an address has an account (docs/decisions/0012-…).
let t: AccountsApp;
let clock = Date.parse('2026-03-02T09:00:00Z');
beforeAll(async () => {
  // The app sends e-mail (captured in t.mail); the default sign-up limits, a clock the tests move.
  t = await startAccountsApp({
    signIn: {
      now: () => clock,
      limits: {
        signUp: {
          address: { free: 30, baseMs: 60_000, capMs: 3_600_000, windowMs: 3_600_000 },
          email: { free: 3, baseMs: 60_000, capMs: 3_600_000, windowMs: 86_400_000 },
        },
      },
    },
  });
});
afterAll(async () => {
  await t.close();
});

const usersWith = (email: string) =>
  queryRows<{ name: string }>(t.database.db, sql`select name from users where email = ${email}`);
const lastMailTo = (email: string) => t.mail.findLast((m) => m.to === email);
const confirmToken = (text: string) => text.match(/\/sign-up\/confirm\/([\w-]+)/)?.[1];

describe('sign-up with e-mail', () => {
  it('answers a new and an existing address the same, and signs nobody in', async () => {
    const existing = uniqueEmail('owner');
    await signUp(t.app, 'Owner', existing);
    const fresh = uniqueEmail('fresh');
    const a = new Client(t.app);
    const b = new Client(t.app);
    const forExisting = await a.post('/auth/sign-up', { name: 'Eve', email: existing, password: PASSWORD });
    const forFresh = await b.post('/auth/sign-up', { name: 'Fien', email: fresh, password: PASSWORD });
    expect(forExisting.status).toBe(202);
    expect(forFresh.status).toBe(202);
    expect(forExisting.body).toEqual(forFresh.body);
    expect(forExisting.body).toEqual({ emailSent: true });
    expect(forExisting.raw.headers['set-cookie']).toBeUndefined();
    expect(forFresh.raw.headers['set-cookie']).toBeUndefined();
    // Nothing made or changed yet.
    expect(await usersWith(existing)).toEqual([{ name: 'Owner' }]);
    expect(await usersWith(fresh)).toEqual([]);
    expect(
      (await new Client(t.app).post('/auth/sign-in', { email: existing, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('tells an existing account’s owner by e-mail, with a sign-in and a reset link and no password', async () => {
    const existing = uniqueEmail('owner');
    await signUp(t.app, 'Owner', existing);
    await new Client(t.app).post('/auth/sign-up', {
      name: 'Eve',
      email: existing,
      password: 'eve secret password',
    });
    const mail = lastMailTo(existing);
    expect(mail?.subject).toContain('You already have an Impact Wheel account');
    expect(mail?.text).toContain('http://localhost:3000/sign-in');
    expect(mail?.text).toContain('http://localhost:3000/password-reset');
    expect(mail?.text).not.toContain('eve secret password');
    expect(confirmToken(mail?.text ?? '')).toBeUndefined();
  });

  it('makes the account when the link is followed, once, within a day', async () => {
    const email = uniqueEmail('fresh');
    await new Client(t.app).post('/auth/sign-up', { name: 'Fien', email, password: PASSWORD });
    const token = confirmToken(lastMailTo(email)?.text ?? '');
    expect(token).toBeTruthy();
    // Only the link's hash is stored.
    const stored = await queryRows<{ token_hash: string }>(
      t.database.db,
      sql`select token_hash from account_links where email = ${email}`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toBe(token);

    const client = new Client(t.app);
    const confirmed = await client.post(`/auth/sign-up/${token}`);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.user).toMatchObject({ name: 'Fien', email });
    expect((await client.get('/me')).status).toBe(200);
    expect((await new Client(t.app).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);

    const again = await new Client(t.app).post(`/auth/sign-up/${token}`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('link_used');

    const late = uniqueEmail('late');
    await new Client(t.app).post('/auth/sign-up', { name: 'Laat', email: late, password: PASSWORD });
    const lateToken = confirmToken(lastMailTo(late)?.text ?? '');
    clock += 24 * 3_600_000 + 1;
    const expired = await new Client(t.app).post(`/auth/sign-up/${lateToken}`);
    expect(expired.status).toBe(409);
    expect(expired.body.error.code).toBe('link_expired');
    expect(await usersWith(late)).toEqual([]);

    const unknown = await new Client(t.app).post('/auth/sign-up/not-a-real-link-at-all');
    expect(unknown.status).toBe(404);
  });

  it('limits sign-ups per network address, and per e-mail address (mail to one inbox)', async () => {
    clock += 2 * 86_400_000;
    const client = new Client(t.app);
    client.address = '198.51.100.7';
    for (let i = 0; i < 30; i++) {
      const r = await client.post('/auth/sign-up', {
        name: 'Bulk',
        email: uniqueEmail('bulk'),
        password: PASSWORD,
      });
      expect(r.status).toBe(202);
    }
    const refused = await client.post('/auth/sign-up', {
      name: 'Bulk',
      email: uniqueEmail('bulk'),
      password: PASSWORD,
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(refused.raw.headers['retry-after']).toBe('60');
    // Another address is not slowed down.
    const other = new Client(t.app);
    other.address = '198.51.100.8';
    expect(
      (await other.post('/auth/sign-up', { name: 'Ander', email: uniqueEmail(), password: PASSWORD })).status,
    ).toBe(202);
    clock += 60_000;
    expect(
      (await client.post('/auth/sign-up', { name: 'Bulk', email: uniqueEmail('bulk'), password: PASSWORD }))
        .status,
    ).toBe(202);

    const inbox = uniqueEmail('inbox');
    const mailsBefore = t.mail.length;
    for (let i = 0; i < 3; i++) {
      const from = new Client(t.app);
      from.address = `203.0.113.${i + 1}`;
      expect((await from.post('/auth/sign-up', { name: 'X', email: inbox, password: PASSWORD })).status).toBe(
        202,
      );
    }
    const fourth = new Client(t.app);
    fourth.address = '203.0.113.99';
    expect((await fourth.post('/auth/sign-up', { name: 'X', email: inbox, password: PASSWORD })).status).toBe(
      429,
    );
    expect(t.mail.length - mailsBefore).toBe(3);
  });
});
