import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import {
  Client,
  invitePartner,
  PASSWORD,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
} from './harness.ts';

// Issue 9, point 13 (person): a person downloads what the installation holds about them.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

function unzip(zip: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(zip))).map(([n, b]) => [n, strFromU8(b)]),
  );
}

describe('GET /me/export.zip', () => {
  it('holds profile, memberships, roles, sessions, token metadata and own events as JSON and CSV; no secrets', async () => {
    const { client, organisationId } = await signUpWithOrganisation(t.app, '=Export Org');
    const me = (await client.get('/me')).body;
    await t.database.db.insert(platformRoles).values({ userId: me.user.id, role: 'facilitator' });
    const second = new Client(t.app);
    await second.post('/auth/sign-in', { email: me.user.email, password: PASSWORD });
    const token = await client.post('/me/tokens', {
      name: 'script',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const secret = token.body.secret as string;
    await client.delete(`/me/tokens/${token.body.token.id}`);
    await client.post('/me/tokens', { name: 'kept' });
    // A notice (a partner joined) and a choice, which the notifications module holds about the person.
    const partner = await signUpWithOrganisation(t.app, 'Export Partner');
    const collaborationId = (
      await client.post('/collaborations', { name: 'Export samen', ambition: 'integration' })
    ).body.collaboration.id as string;
    await invitePartner(client, partner.client, collaborationId);
    await client.put('/me/notification-preferences', {
      preferences: [{ kind: 'round-due', channel: 'off' }],
    });

    const response = await client.request('GET', '/me/export.zip');
    expect(response.status).toBe(200);
    expect(response.raw.headers['content-type']).toBe('application/zip');
    expect(response.raw.headers['content-disposition']).toMatch(
      /attachment; filename="impact-wheel-account-test-person-\d{4}-\d\d-\d\d\.zip"/,
    );
    const files = unzip(response.raw.rawPayload);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'account.json',
      'api-tokens.csv',
      'audit-events.csv',
      'memberships.csv',
      'notification-preferences.csv',
      'notifications.csv',
      'platform-roles.csv',
      'profile.csv',
      'sessions.csv',
    ]);
    const account = JSON.parse(files['account.json']!);
    expect(account.profile).toMatchObject({ id: me.user.id, name: 'Test Person', email: me.user.email });
    expect(account.memberships).toEqual([{ organisationId, name: '=Export Org', role: 'admin' }]);
    expect(account.notifications).toEqual([
      expect.objectContaining({ kind: 'partner-joined', collaborationId, readAt: null }),
    ]);
    expect(account.notificationPreferences).toContainEqual({ kind: 'round-due', channel: 'off' });
    expect(files['notifications.csv']).toContain('partner-joined');
    expect(files['notification-preferences.csv']).toContain('round-due,off');
    // The installation's first account is also platform admin.
    expect(account.platformRoles).toEqual(['facilitator', 'platform_admin']);
    expect(files['platform-roles.csv']).toContain('facilitator');
    expect(account.sessions).toHaveLength(2);
    expect(account.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(account.apiTokens.map((x: { name: string }) => x.name)).toEqual(['script', 'kept']);
    expect(account.apiTokens[0].revokedAt).not.toBeNull();
    expect(account.apiTokens[0].expiresAt).not.toBeNull();
    expect(files['memberships.csv']).toContain("'=Export Org");
    expect(files['sessions.csv']!.trim().split('\r\n')).toHaveLength(3);

    const everything = Object.values(files).join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('argon2');
    expect(everything).not.toContain(client.cookie!.split('=')[1]!);
    expect(everything).not.toContain(me.csrfToken);
  });

  it('is recorded in the person’s own audit log and shows up in the next export', async () => {
    const { client } = await signUpWithOrganisation(t.app, 'Twice');
    await client.request('GET', '/me/export.zip');
    const events = (await client.get('/me/audit')).body.events as { kind: string }[];
    expect(events.map((e) => e.kind)).toContain('account-exported');
    const files = unzip((await client.request('GET', '/me/export.zip')).raw.rawPayload);
    expect(files['audit-events.csv']).toContain('account-exported');
  });

  it('needs a signed-in person', async () => {
    expect((await new Client(t.app).request('GET', '/me/export.zip')).status).toBe(401);
  });
});
