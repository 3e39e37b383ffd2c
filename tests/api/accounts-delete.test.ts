import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import {
  addMember,
  Client,
  PASSWORD,
  signUp,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
} from './harness.ts';

// Issue 9, point 14 (person): a person deletes their own account.
let t: TestApp;
let platformAdmin: Client;
beforeAll(async () => {
  t = await startTestApp();
  // The installation's first account is its platform admin.
  platformAdmin = await signUp(t.app, 'Platform Admin');
});
afterAll(async () => {
  await t.close();
});

const deleteMe = (client: Client, password = PASSWORD) => client.request('DELETE', '/me', { password });
const userExists = async (id: string) =>
  (await queryRows(t.database.db, sql`select 1 from users where id = ${id}`)).length === 1;

describe('DELETE /me', () => {
  it('asks for the password again, naming the field, and keeps the account when it is wrong', async () => {
    const client = await signUp(t.app);
    const wrong = await deleteMe(client, 'not my password at all');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_password');
    expect(wrong.body.error.details[0].field).toBe('password');
    const missing = await client.request('DELETE', '/me', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('password');
    expect(await userExists(client.userId!)).toBe(true);
  });

  it('is refused while the person is the last admin of an organisation, naming it; allowed once someone else is admin', async () => {
    const { client, organisationId } = await signUpWithOrganisation(t.app, 'Enige Beheerder BV');
    const member = await addMember(t.app, client, 'member');
    const refused = await deleteMe(client);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('last_admin_of_organisations');
    expect(refused.body.organisations).toEqual([{ id: organisationId, name: 'Enige Beheerder BV' }]);
    expect(refused.body.error.message).toContain('Enige Beheerder BV');
    expect(await userExists(client.userId!)).toBe(true);

    expect((await client.patch(`/organisation/members/${member.userId}`, { role: 'admin' })).status).toBe(
      200,
    );
    const token = (await client.post('/me/tokens', { name: 'script' })).body.secret as string;
    const email = (await client.get('/me')).body.user.email as string;
    const deleted = await deleteMe(client);
    expect(deleted.status).toBe(200);
    expect(await userExists(client.userId!)).toBe(false);
    // Signed out everywhere, its tokens gone, its password no longer signs in.
    expect((await client.get('/me')).status).toBe(401);
    const script = new Client(t.app);
    script.bearer = token;
    expect((await script.get('/me')).status).toBe(401);
    expect((await new Client(t.app).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(401);
    // The organisation goes on with its other admin.
    const members = (await member.get('/organisation/members')).body.members as { userId: string }[];
    expect(members.map((m) => m.userId)).toEqual([member.userId]);
  });

  it('is not held up by an organisation already scheduled for deletion', async () => {
    const { client } = await signUpWithOrganisation(t.app, 'Gaat Weg BV');
    expect((await client.post('/organisation/deletion')).status).toBeLessThan(300);
    expect((await deleteMe(client)).status).toBe(200);
  });

  it('is refused for the last platform admin', async () => {
    const refused = await deleteMe(platformAdmin);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('last_platform_admin');
    const other = await signUp(t.app, 'Second Admin');
    await t.database.db.insert(platformRoles).values({ userId: other.userId!, role: 'platform_admin' });
    expect((await deleteMe(platformAdmin)).status).toBe(200);
  });

  it('lets a plain member go at once', async () => {
    const { client: admin } = await signUpWithOrganisation(t.app, 'Blijft BV');
    const member = await addMember(t.app, admin, 'member');
    expect((await deleteMe(member)).status).toBe(200);
    expect((await admin.get('/organisation/members')).body.members).toHaveLength(1);
  });
});
