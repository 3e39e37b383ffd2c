import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { addMember, Client, signUp, signUpWithOrganisation, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ withMailer: true });
});
afterAll(async () => {
  await t.close();
});

const fullProfile = {
  name: 'Naad & Draad',
  type: 'wise',
  impactOrientation: 'impact-first',
  sector: 'Textielherstel',
  employees: '<50',
  yearFounded: 2015,
  place: 'Rotterdam',
  website: 'https://naadendraad.example',
  description: 'Wij herstellen kleding en leiden mensen op.',
};

describe('organisations', () => {
  it('creates an organisation with its full profile; the creator is admin and acts for it', async () => {
    const client = await signUp(t.app);
    const created = await client.post('/organisations', fullProfile);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...fullProfile, myRole: 'admin' });
    const me = await client.get('/me');
    expect(me.body.activeOrganisationId).toBe(created.body.id);
    expect(me.body.memberships).toEqual([
      { organisationId: created.body.id, name: 'Naad & Draad', role: 'admin' },
    ]);
    expect((await client.get('/organisation')).body).toMatchObject(fullProfile);
  });

  it('updates only the fields sent, and clears a field sent as null', async () => {
    const { client } = await signUpWithOrganisation(t.app);
    await client.patch('/organisation', { place: 'Tilburg', sector: 'Logistiek' });
    const updated = await client.patch('/organisation', { sector: null });
    expect(updated.status).toBe(200);
    expect(updated.body.place).toBe('Tilburg');
    expect(updated.body.sector).toBeNull();
  });

  it('lets a person belong to several organisations and switch between them', async () => {
    const client = await signUp(t.app);
    const a = await client.post('/organisations', { name: 'A-bedrijf', type: 'regular-company' });
    const b = await client.post('/organisations', { name: 'B-gemeente', type: 'municipality' });
    expect((await client.get('/organisation')).body.id).toBe(b.body.id);
    const switched = await client.put('/me/active-organisation', { organisationId: a.body.id });
    expect(switched.status).toBe(200);
    expect((await client.get('/organisation')).body.id).toBe(a.body.id);
    expect((await client.get('/organisations')).body.organisations).toHaveLength(2);
  });

  it('answers 404 when switching to an organisation you do not belong to', async () => {
    const { organisationId } = await signUpWithOrganisation(t.app, 'Private Org');
    const outsider = await signUp(t.app);
    const response = await outsider.put('/me/active-organisation', { organisationId });
    expect(response.status).toBe(404);
    expect((await outsider.get('/organisation')).status).toBe(404);
  });

  it('invites a colleague by link; they accept and see the same organisation', async () => {
    const { client: admin, organisationId } = await signUpWithOrganisation(t.app, 'Werkpoort');
    const invitation = await admin.post('/organisation/invitations', { email: 'collega@example.org' });
    expect(invitation.status).toBe(201);
    expect(invitation.body.link).toMatch(/^http:\/\/localhost:3000\/invitations\/[\w-]{20,}$/);
    expect(invitation.body.emailed).toBe(true);
    expect(t.mail.at(-1)?.text).toContain(invitation.body.link);
    const token = invitation.body.link.split('/invitations/')[1];

    const preview = await new Client(t.app).get(`/invitations/${token}`);
    expect(preview.body).toMatchObject({ organisationName: 'Werkpoort', role: 'member', status: 'open' });

    // Issue 9, point 10: an invitation made for an address is that person's; someone else with the link gets
    // 403 and the invitation stays open for them.
    const someoneElse = await signUp(t.app, 'Iemand anders');
    const refused = await someoneElse.post(`/invitations/${token}/accept`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('invitation_other_address');
    expect(JSON.stringify(refused.body)).not.toContain('collega@example.org');
    expect((await someoneElse.get('/organisation')).status).not.toBe(200);

    const colleague = await signUp(t.app, 'Collega', 'Collega@Example.org');
    const accepted = await colleague.post(`/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    const org = await colleague.get('/organisation');
    expect(org.body.id).toBe(organisationId);
    expect(org.body.myRole).toBe('member');
    const members = await admin.get('/organisation/members');
    expect(members.body.members.map((m: { name: string }) => m.name).sort()).toEqual([
      'Collega',
      'Test Person',
    ]);

    const again = await (await signUp(t.app)).post(`/invitations/${token}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invitation_accepted');
  });

  it('refuses an expired or withdrawn invitation', async () => {
    const { client: admin } = await signUpWithOrganisation(t.app);
    const expiring = await admin.post('/organisation/invitations', {});
    await t.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where id = ${expiring.body.invitation.id}`,
    );
    const expiredToken = expiring.body.link.split('/invitations/')[1];
    const late = await (await signUp(t.app)).post(`/invitations/${expiredToken}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invitation_expired');

    const withdrawn = await admin.post('/organisation/invitations', {});
    expect((await admin.delete(`/organisation/invitations/${withdrawn.body.invitation.id}`)).status).toBe(
      200,
    );
    const token = withdrawn.body.link.split('/invitations/')[1];
    expect((await (await signUp(t.app)).post(`/invitations/${token}/accept`)).body.error.code).toBe(
      'invitation_revoked',
    );
    const list = await admin.get('/organisation/invitations');
    expect(list.body.invitations.map((i: { status: string }) => i.status).sort()).toEqual([
      'expired',
      'revoked',
    ]);
  });

  it('keeps members from inviting, removing or changing roles', async () => {
    const { client: admin } = await signUpWithOrganisation(t.app);
    const member = await addMember(t.app, admin);
    expect((await member.post('/organisation/invitations', {})).status).toBe(403);
    expect((await member.get('/organisation/invitations')).status).toBe(403);
    expect((await member.delete(`/organisation/members/${admin.userId}`)).status).toBe(403);
    expect((await member.patch(`/organisation/members/${member.userId}`, { role: 'admin' })).status).toBe(
      403,
    );
    // Members do keep the profile.
    expect((await member.patch('/organisation', { place: 'Breda' })).status).toBe(200);
  });

  it('lets an admin remove a member, who then no longer sees the organisation', async () => {
    const { client: admin } = await signUpWithOrganisation(t.app);
    const member = await addMember(t.app, admin);
    expect((await admin.delete(`/organisation/members/${member.userId}`)).status).toBe(200);
    expect((await member.get('/organisation')).status).toBe(404);
    expect((await member.get('/me')).body.memberships).toEqual([]);
  });

  it('never leaves an organisation without an admin', async () => {
    const { client: admin } = await signUpWithOrganisation(t.app);
    const leave = await admin.post('/organisation/leave');
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe('last_admin');
    expect((await admin.patch(`/organisation/members/${admin.userId}`, { role: 'member' })).status).toBe(409);

    const second = await addMember(t.app, admin, 'admin');
    expect((await admin.post('/organisation/leave')).status).toBe(200);
    expect((await admin.get('/organisation')).status).toBe(404);
    expect((await second.get('/organisation/members')).body.members).toHaveLength(1);
  });

  it('answers 404 for another organisation’s members and invitations', async () => {
    const { client: ownerA } = await signUpWithOrganisation(t.app, 'A');
    const memberA = await addMember(t.app, ownerA);
    const inviteA = await ownerA.post('/organisation/invitations', {});
    const { client: adminB } = await signUpWithOrganisation(t.app, 'B');
    expect((await adminB.delete(`/organisation/members/${memberA.userId}`)).status).toBe(404);
    expect((await adminB.patch(`/organisation/members/${memberA.userId}`, { role: 'admin' })).status).toBe(
      404,
    );
    expect((await adminB.delete(`/organisation/invitations/${inviteA.body.invitation.id}`)).status).toBe(404);
    expect((await ownerA.get('/organisation/members')).body.members).toHaveLength(2);
  });

  it('takes the acting organisation from the session, never from the request body', async () => {
    const { organisationId: victim } = await signUpWithOrganisation(t.app, 'Victim');
    const { client: attacker } = await signUpWithOrganisation(t.app, 'Attacker');
    const response = await attacker.patch('/organisation', {
      name: 'Hacked',
      id: victim,
      organisationId: victim,
    });
    expect(response.status).toBe(200);
    expect(response.body.id).not.toBe(victim);
    const rows = await queryRows<{ name: string }>(
      t.database.db,
      sql`select name from organisations where id = ${victim}`,
    );
    expect(rows[0]?.name).toBe('Victim');
  });
});

describe('platform roles', () => {
  it('lets a platform admin grant and revoke facilitator and researcher, and no one else', async () => {
    const rows = await queryRows<{ id: string }>(
      t.database.db,
      sql`select user_id as id from platform_roles where role = 'platform_admin'`,
    );
    // The first account in this file's database is the platform admin; sign in as them.
    const adminRow = rows[0]!;
    const email = (
      await queryRows<{ email: string }>(
        t.database.db,
        sql`select email from users where id = ${adminRow.id}`,
      )
    )[0]!.email;
    const admin = new Client(t.app);
    expect(
      (await admin.post('/auth/sign-in', { email, password: 'correct horse battery staple' })).status,
    ).toBe(200);

    const person = await signUp(t.app, 'Facilitator To Be');
    expect((await person.get('/admin/users')).status).toBe(403);
    expect((await admin.put(`/admin/users/${person.userId}/roles/facilitator`)).status).toBe(200);
    expect((await admin.put(`/admin/users/${person.userId}/roles/researcher`)).status).toBe(200);
    expect((await person.get('/me')).body.user.platformRoles).toEqual(['facilitator', 'researcher']);
    expect((await admin.delete(`/admin/users/${person.userId}/roles/researcher`)).status).toBe(200);
    expect((await person.get('/me')).body.user.platformRoles).toEqual(['facilitator']);

    const search = await admin.get('/admin/users?q=Facilitator%20To');
    expect(search.body.users).toHaveLength(1);
    expect((await admin.put(`/admin/users/${person.userId}/roles/wizard`)).status).toBe(400);
    expect((await admin.delete(`/admin/users/${adminRow.id}/roles/platform_admin`)).status).toBe(409);
  });
});
