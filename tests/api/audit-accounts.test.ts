import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import { type AccountsApp, startAccountsApp } from './accounts-app.ts';
import { Client, PASSWORD, signUp, uniqueEmail } from './harness.ts';

// Issue 9, point 15: security events of the accounts side, in the person's own log and the platform admin's.
let t: AccountsApp;
let root: Client;
beforeAll(async () => {
  t = await startAccountsApp();
  root = await signUp(t.app, 'Root');
  await t.database.db
    .insert(platformRoles)
    .values({ userId: root.userId!, role: 'platform_admin' })
    .onConflictDoNothing();
});
afterAll(async () => {
  await t.close();
});

type Event = {
  kind: string;
  actor: { userId: string; name: string } | null;
  subject: { userId: string; name: string } | null;
  address: string | null;
  detail: Record<string, string> | null;
};
const mine = async (client: Client) => (await client.get('/me/audit?limit=200')).body.events as Event[];
const SECRETS_NEVER_LOGGED = (texts: string[]) => async () => {
  const rows = await queryRows<{ detail: unknown; address: string | null }>(
    t.database.db,
    sql`select detail, address from audit_events`,
  );
  const all = JSON.stringify(rows);
  for (const text of texts) expect(all).not.toContain(text);
};

describe('accounts events in the audit log', () => {
  it('records sign-in, failures, password change, tokens and export, with the network address; never a secret', async () => {
    const email = uniqueEmail('audited');
    const client = await signUp(t.app, 'Audrey', email);
    client.address = '192.0.2.10';
    const wrong = new Client(t.app);
    wrong.address = '198.51.100.66';
    expect((await wrong.post('/auth/sign-in', { email, password: 'wrong wrong wrong' })).status).toBe(401);
    const second = new Client(t.app);
    second.address = '192.0.2.11';
    expect((await second.post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    const created = await client.post('/me/tokens', { name: 'rapport' });
    const secret = created.body.secret as string;
    await client.delete(`/me/tokens/${created.body.token.id}`);
    const newPassword = 'audited new password';
    await client.post('/me/password', { currentPassword: PASSWORD, newPassword, revokeTokens: true });
    await client.request('GET', '/me/export.zip');
    // An unknown address leaves no event.
    const before = (await root.get('/admin/audit?limit=200')).body.events.length;
    await new Client(t.app).post('/auth/sign-in', {
      email: uniqueEmail('nobody'),
      password: 'whatever it is',
    });
    expect((await root.get('/admin/audit?limit=200')).body.events.length).toBe(before);

    const events = await mine(client);
    expect(events.map((e) => e.kind)).toEqual([
      'account-exported',
      'password-changed',
      'token-revoked',
      'token-created',
      'sign-in',
      'sign-in-failed',
    ]);
    const byKind = Object.fromEntries(events.map((e) => [e.kind, e]));
    expect(byKind['sign-in-failed']).toMatchObject({
      actor: null,
      subject: { name: 'Audrey' },
      address: '198.51.100.66',
    });
    expect(byKind['sign-in']).toMatchObject({ actor: { name: 'Audrey' }, address: '192.0.2.11' });
    expect(byKind['token-created']?.detail).toMatchObject({ name: 'rapport', token: secret.slice(0, 10) });
    expect(byKind['password-changed']).toMatchObject({
      address: '192.0.2.10',
      detail: { tokensRevoked: '0' },
    });
    await SECRETS_NEVER_LOGGED([PASSWORD, newPassword, secret, 'wrong wrong wrong'])();
  });

  it('records a reset request and the reset, without the link', async () => {
    const email = uniqueEmail('reset');
    await signUp(t.app, 'Resa', email);
    await new Client(t.app).post('/auth/password-reset', { email });
    const mail = t.mail.findLast((m) => m.to === email)!;
    const token = mail.text.match(/\/password-reset\/([\w-]+)/)![1]!;
    await new Client(t.app).post(`/auth/password-reset/${token}`, { password: 'reset to something long' });
    // The reset signed every session out: read the log in a new one.
    const again = new Client(t.app);
    await again.post('/auth/sign-in', { email, password: 'reset to something long' });
    const events = await mine(again);
    expect(events.map((e) => e.kind)).toEqual(['sign-in', 'password-reset', 'password-reset-requested']);
    expect(events.find((e) => e.kind === 'password-reset-requested')?.detail).toEqual({ channel: 'e-mail' });
    await SECRETS_NEVER_LOGGED([token, 'reset to something long'])();
  });

  it('keeps an anonymous account-deleted event for the platform admin', async () => {
    const client = await signUp(t.app, 'Vertrekker');
    expect((await client.request('DELETE', '/me', { password: PASSWORD })).status).toBe(200);
    const deleted = (await root.get('/admin/audit?kind=account-deleted')).body.events as Event[];
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ actor: null, subject: null });
    expect(JSON.stringify(deleted)).not.toContain('Vertrekker');
  });
});
