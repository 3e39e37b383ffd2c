import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { Client, PASSWORD, signUp, startTestApp, type TestApp, uniqueEmail } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('accounts', () => {
  it('makes the first account on an empty installation platform admin, and no later one', async () => {
    const first = await signUp(t.app, 'First');
    expect((await first.get('/me')).body.user.platformRoles).toEqual(['platform_admin']);
    const second = await signUp(t.app, 'Second');
    expect((await second.get('/me')).body.user.platformRoles).toEqual([]);
  });

  it('signs up with a session cookie that is HttpOnly and SameSite=Lax, and stores an argon2id hash', async () => {
    const client = new Client(t.app);
    const email = uniqueEmail();
    const response = await client.post('/auth/sign-up', { name: 'Sanne', email, password: PASSWORD });
    expect(response.status).toBe(201);
    const cookie = response.raw.cookies.find((c) => c.name === 'iw_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const rows = await queryRows<{ password_hash: string }>(
      t.database.db,
      sql`select password_hash from users where email = ${email}`,
    );
    expect(rows[0]?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(rows[0]?.password_hash).not.toContain(PASSWORD);
  });

  it('makes no second account for the same address, in any case, and answers it neutrally (202, no session)', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'A', email);
    const client = new Client(t.app);
    const again = await client.post('/auth/sign-up', {
      name: 'B',
      email: email.toUpperCase(),
      password: 'another long password',
    });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ emailSent: false });
    expect(client.cookie).toBeUndefined();
    const rows = await queryRows<{ name: string }>(
      t.database.db,
      sql`select name from users where email = ${email}`,
    );
    expect(rows).toEqual([{ name: 'A' }]);
    // The owner's password is untouched.
    expect((await new Client(t.app).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it('refuses a password shorter than 12 characters, naming the field', async () => {
    const response = await new Client(t.app).post('/auth/sign-up', {
      name: 'A',
      email: uniqueEmail(),
      password: 'short',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain('password');
  });

  it('signs in, reads /me, signs out, and the old cookie no longer works', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'Mehmet', email);
    const client = new Client(t.app);
    const signedIn = await client.post('/auth/sign-in', { email, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.email).toBe(email);
    const oldCookie = client.cookie;
    expect((await client.get('/me')).status).toBe(200);
    expect((await client.post('/auth/sign-out')).status).toBe(200);
    const stale = new Client(t.app);
    stale.cookie = oldCookie;
    expect((await stale.get('/me')).status).toBe(401);
  });

  it('answers a wrong password with 401 and the same message as an unknown address', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'A', email);
    const wrong = await new Client(t.app).post('/auth/sign-in', {
      email,
      password: 'not the password at all',
    });
    const unknown = await new Client(t.app).post('/auth/sign-in', {
      email: uniqueEmail(),
      password: PASSWORD,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('slows wrong sign-ins down instead of locking the account (issue 9, point 7; more in accounts-back-off)', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'A', email);
    const client = new Client(t.app);
    client.address = '10.0.1.1';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await client.post('/auth/sign-in', { email, password: 'wrong password here' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await client.post('/auth/sign-in', { email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
    expect(blocked.raw.headers['retry-after']).toBe('1');
    // On the real clock: a second later the right password is let in.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await client.post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const client = await signUp(t.app);
    const csrf = client.csrf;
    client.csrf = undefined;
    const without = await client.post('/organisations', { name: 'X', type: 'wise' });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf');
    client.csrf = 'wrong-token';
    expect((await client.post('/organisations', { name: 'X', type: 'wise' })).status).toBe(403);
    client.csrf = csrf;
    expect((await client.post('/organisations', { name: 'X', type: 'wise' })).status).toBe(201);
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const email = uniqueEmail();
    const client = await signUp(t.app, 'A', email);
    const other = new Client(t.app);
    await other.post('/auth/sign-in', { email, password: PASSWORD });
    const wrong = await client.post('/me/password', {
      currentPassword: 'not my password!',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('currentPassword');
    const changed = await client.post('/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(200);
    expect((await client.get('/me')).status).toBe(200);
    expect((await other.get('/me')).status).toBe(401);
    expect((await new Client(t.app).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(401);
    expect(
      (await new Client(t.app).post('/auth/sign-in', { email, password: 'a brand new password' })).status,
    ).toBe(200);
  });

  it('creates, lists, uses and revokes personal API tokens; the secret is shown once and stored hashed', async () => {
    const client = await signUp(t.app);
    await client.post('/organisations', { name: 'Token Org', type: 'regular-company' });
    const created = await client.post('/me/tokens', { name: 'rapportage-script' });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret.startsWith('iwt_')).toBe(true);
    const list = await client.get('/me/tokens');
    expect(list.body.tokens).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const stored = await queryRows<{ token_hash: string }>(
      t.database.db,
      sql`select token_hash from api_tokens`,
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((r) => r.token_hash === secret)).toBe(false);

    const script = new Client(t.app);
    script.bearer = secret;
    expect((await script.get('/organisation')).body.name).toBe('Token Org');
    // Tokens are not cookie sessions: no CSRF header needed.
    expect((await script.patch('/organisation', { place: 'Tilburg' })).status).toBe(200);

    expect((await client.delete(`/me/tokens/${created.body.token.id}`)).status).toBe(200);
    const revoked = await script.get('/organisation');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('invalid_token');
  });

  it('does not let one user revoke another user’s token', async () => {
    const owner = await signUp(t.app);
    const token = await owner.post('/me/tokens', { name: 'mine' });
    const other = await signUp(t.app);
    expect((await other.delete(`/me/tokens/${token.body.token.id}`)).status).toBe(404);
    expect((await owner.get('/me/tokens')).body.tokens).toHaveLength(1);
  });
});
