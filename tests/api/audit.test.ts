import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, platformRoles } from '../../src/server/db/schema/index.ts';
import { addMember, signUp, signUpWithOrganisation, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Event = {
  kind: string;
  actor: { name: string } | null;
  subject: { name: string } | null;
  detail: unknown;
};

describe('the audit log (issue 9, point 15)', () => {
  it('records role changes, removals, exports and deletion requests for the organisation’s admins only', async () => {
    const { client: admin, organisationId } = await signUpWithOrganisation(t.app, 'Logboek BV');
    const member = await addMember(t.app, admin, 'member');
    expect((await admin.patch(`/organisation/members/${member.userId}`, { role: 'admin' })).status).toBe(200);
    expect((await admin.request('GET', '/organisation/export.zip')).status).toBe(200);
    await admin.post('/organisation/deletion');
    await admin.delete('/organisation/deletion');
    expect((await admin.delete(`/organisation/members/${member.userId}`)).status).toBe(200);

    const page = await admin.get('/organisation/audit');
    expect(page.status).toBe(200);
    const kinds = page.body.events.map((e: Event) => e.kind);
    expect(kinds).toEqual([
      'member-removed',
      'organisation-deletion-cancelled',
      'organisation-deletion-requested',
      'organisation-exported',
      'member-role-changed',
    ]);
    const roleChange = page.body.events.find((e: Event) => e.kind === 'member-role-changed');
    expect(roleChange).toMatchObject({
      actor: { name: 'Test Person' },
      organisationId,
      detail: { role: 'admin' },
    });
    expect(roleChange.subject.userId).toBe(member.userId);

    // Paging: one at a time, newest first, until the end.
    const first = await admin.get('/organisation/audit?limit=2');
    expect(first.body.events).toHaveLength(2);
    const second = await admin.get(`/organisation/audit?limit=2&before=${first.body.next}`);
    expect(second.body.events[0].kind).toBe('organisation-deletion-requested');
    expect((await admin.get('/organisation/audit?kind=member-removed')).body.events).toHaveLength(1);

    // Another organisation's admin sees none of it; a member may not read it.
    const { client: other } = await signUpWithOrganisation(t.app, 'Ander BV');
    expect((await other.get('/organisation/audit')).body.events).toEqual([]);
    const plain = await addMember(t.app, other, 'member');
    expect((await plain.get('/organisation/audit')).status).toBe(403);
    // The removed member sees what was done to them in their own log.
    expect((await member.get('/me/audit')).body.events.map((e: Event) => e.kind)).toEqual([
      'member-removed',
      'member-role-changed',
    ]);
  });

  it('records platform role changes for the platform admin, and forgets events after the retention period', async () => {
    const root = await signUp(t.app, 'Platformbeheer');
    await t.database.db.insert(platformRoles).values({ userId: root.userId!, role: 'platform_admin' });
    const person = await signUp(t.app, 'Nieuwe Begeleider');
    await root.put(`/admin/users/${person.userId}/roles/facilitator`);
    await root.delete(`/admin/users/${person.userId}/roles/facilitator`);
    const all = await root.get('/admin/audit?kind=platform-role-granted');
    expect(all.status).toBe(200);
    expect(all.body.events[0]).toMatchObject({
      actor: { name: 'Platformbeheer' },
      subject: { name: 'Nieuwe Begeleider' },
      detail: { role: 'facilitator' },
    });
    expect((await person.get('/admin/audit')).status).toBe(403);

    await t.database.db.insert(auditEvents).values({
      kind: 'sign-in',
      userId: person.userId!,
      at: new Date(Date.now() - 400 * 86_400_000),
    });
    expect((await person.get('/me/audit')).body.events.map((e: Event) => e.kind)).toContain('sign-in');
    expect(await t.purgeAudit(new Date())).toBeGreaterThanOrEqual(1);
    expect((await person.get('/me/audit')).body.events.map((e: Event) => e.kind)).not.toContain('sign-in');
  });
});
