import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountsApp, startAccountsApp } from './accounts-app.ts';
import { Client, PASSWORD, signUp } from './harness.ts';

// Issue 9, point 9: a password change may revoke API tokens too; tokens may expire.
let t: AccountsApp;
let clock = Date.now();
beforeAll(async () => {
  t = await startAccountsApp({ signIn: { now: () => clock } });
});
afterAll(async () => {
  await t.close();
});

const bearer = (secret: string) => {
  const client = new Client(t.app);
  client.bearer = secret;
  return client;
};

describe('API tokens and password changes', () => {
  it('keeps API tokens on a password change unless asked to revoke them', async () => {
    const client = await signUp(t.app);
    const kept = (await client.post('/me/tokens', { name: 'kept' })).body.secret as string;
    expect(
      (await client.post('/me/password', { currentPassword: PASSWORD, newPassword: 'second long password' }))
        .status,
    ).toBe(200);
    expect((await bearer(kept).get('/me')).status).toBe(200);

    const other = (await client.post('/me/tokens', { name: 'other' })).body.secret as string;
    const changed = await client.post('/me/password', {
      currentPassword: 'second long password',
      newPassword: 'third long password!',
      revokeTokens: true,
    });
    expect(changed.status).toBe(200);
    for (const secret of [kept, other]) {
      const refused = await bearer(secret).get('/me');
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('invalid_token');
    }
    expect((await client.get('/me/tokens')).body.tokens).toEqual([]);
    // This session stays.
    expect((await client.get('/me')).status).toBe(200);
  });

  it('refuses a non-boolean revokeTokens, naming the field', async () => {
    const client = await signUp(t.app);
    const bad = await client.post('/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'second long password',
      revokeTokens: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('revokeTokens');
  });
});

describe('token expiry', () => {
  it('refuses an expiry in the past or not a date, naming the field', async () => {
    const client = await signUp(t.app);
    for (const expiresAt of [
      new Date(Date.now() - 60_000).toISOString(),
      'next week',
      '2026-13-01T00:00:00Z',
    ]) {
      const refused = await client.post('/me/tokens', { name: 'x', expiresAt });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].field).toBe('expiresAt');
    }
  });

  it('works until its expiry and is refused after it; the list shows the expiry and the last use', async () => {
    const client = await signUp(t.app);
    const expiresAt = new Date(clock + 7 * 86_400_000).toISOString();
    const created = await client.post('/me/tokens', { name: 'week', expiresAt });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatchObject({ expiresAt, lastUsedAt: null });
    const forever = (await client.post('/me/tokens', { name: 'forever' })).body.secret as string;
    const secret = created.body.secret as string;

    expect((await bearer(secret).get('/me')).status).toBe(200);
    const listed = (await client.get('/me/tokens')).body.tokens as {
      name: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
    }[];
    const week = listed.find((token) => token.name === 'week');
    expect(week?.expiresAt).toBe(expiresAt);
    expect(week?.lastUsedAt).not.toBeNull();
    expect(listed.find((token) => token.name === 'forever')?.expiresAt).toBeNull();

    clock += 7 * 86_400_000 + 1_000;
    const refused = await bearer(secret).get('/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_token');
    expect((await bearer(forever).get('/me')).status).toBe(200);
  });
});
