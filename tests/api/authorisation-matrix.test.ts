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
  uniqueEmail,
} from './harness.ts';

/**
 * Every route in the OpenAPI document, tried as each kind of caller against organisation A's objects.
 * A route without a row here fails the suite: no new route escapes the matrix.
 *
 * outsider: admin of another organisation (B), acting for B. member / admin: of A, acting for A.
 * platformAdmin: platform admin who belongs to no organisation.
 */
type Persona = 'anonymous' | 'outsider' | 'member' | 'admin' | 'platformAdmin';
/** `stream`: a server-sent event stream, asked over real HTTP and let go once its status is known. */
type Row = Record<Persona, number> & { body?: (f: Fixture) => unknown; stream?: true };

const all = (status: number) => ({
  anonymous: status,
  outsider: status,
  member: status,
  admin: status,
  platformAdmin: status,
});
/** Routes on A's collaboration: outsiders and organisation-less callers get 404. */
const inOrganisation = (member: number, admin: number) => ({
  anonymous: 401,
  outsider: 404,
  member,
  admin,
  platformAdmin: 404,
});
const signedIn = (status: number) => ({
  anonymous: 401,
  outsider: status,
  member: status,
  admin: status,
  platformAdmin: status,
});

const MATRIX: Record<string, Row> = {
  'GET /health': all(200),
  'GET /instrument/wheel': all(200),
  'GET /instrument/assessment': all(200),
  'GET /instrument/process': all(200),
  'GET /instrument/canvas.pdf': all(200),
  'POST /auth/sign-up': {
    ...all(201),
    body: () => ({ name: 'New', email: uniqueEmail(), password: PASSWORD }),
  },
  // An unknown confirmation link, whoever asks (the matrix's app sends no e-mail, so none is made).
  'POST /auth/sign-up/{token}': all(404),
  'POST /auth/password-reset': { ...all(202), body: () => ({ email: uniqueEmail() }) },
  // An unknown reset link, whoever asks.
  'POST /auth/password-reset/{token}': { ...all(404), body: () => ({ password: PASSWORD }) },
  'POST /auth/sign-in': { ...all(200), body: (f) => ({ email: f.memberEmail, password: PASSWORD }) },
  'POST /auth/sign-out': signedIn(200),
  'GET /me': signedIn(200),
  'POST /me/password': {
    ...signedIn(200),
    body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  },
  'PUT /me/active-organisation': {
    anonymous: 401,
    outsider: 404,
    member: 200,
    admin: 200,
    platformAdmin: 404,
    body: (f) => ({ organisationId: f.organisationA }),
  },
  'GET /me/tokens': signedIn(200),
  'GET /me/export.zip': signedIn(200),
  // Each deletes their own account: refused for the only admin of an organisation (B's, A's).
  'DELETE /me': {
    anonymous: 401,
    outsider: 409,
    member: 200,
    admin: 409,
    platformAdmin: 200,
    body: () => ({ password: PASSWORD }),
  },
  'POST /me/tokens': { ...signedIn(201), body: () => ({ name: 'matrix' }) },
  'DELETE /me/tokens/{id}': { anonymous: 401, outsider: 404, member: 404, admin: 200, platformAdmin: 404 },
  'GET /organisations': signedIn(200),
  'POST /organisations': { ...signedIn(201), body: () => ({ name: 'Matrix Org', type: 'other' }) },
  'GET /organisation': { anonymous: 401, outsider: 200, member: 200, admin: 200, platformAdmin: 404 },
  'PATCH /organisation': {
    anonymous: 401,
    outsider: 200,
    member: 200,
    admin: 200,
    platformAdmin: 404,
    body: () => ({ place: 'Zwolle' }),
  },
  'GET /organisation/members': { anonymous: 401, outsider: 200, member: 200, admin: 200, platformAdmin: 404 },
  'PATCH /organisation/members/{userId}': {
    anonymous: 401,
    outsider: 404,
    member: 403,
    admin: 200,
    platformAdmin: 404,
    body: () => ({ role: 'admin' }),
  },
  'DELETE /organisation/members/{userId}': {
    anonymous: 401,
    outsider: 404,
    member: 403,
    admin: 200,
    platformAdmin: 404,
  },
  // The outsider and the admin are each their organisation's only admin.
  'POST /organisation/leave': { anonymous: 401, outsider: 409, member: 200, admin: 409, platformAdmin: 404 },
  'GET /organisation/invitations': {
    anonymous: 401,
    outsider: 200,
    member: 403,
    admin: 200,
    platformAdmin: 404,
  },
  // Audit logs: an organisation's for its admins, a person's own, everything for the platform admin.
  'GET /organisation/audit': { anonymous: 401, outsider: 200, member: 403, admin: 200, platformAdmin: 404 },
  'GET /me/audit': { anonymous: 401, outsider: 200, member: 200, admin: 200, platformAdmin: 200 },
  'GET /admin/audit': { anonymous: 401, outsider: 403, member: 403, admin: 403, platformAdmin: 200 },
  // Invitations sent to someone's address: listed for everyone signed in (their own), answered only by the
  // addressee — this one went to an address none of the personas has.
  'GET /me/partner-invitations': signedIn(200),
  'GET /me/programme-invitations': signedIn(200),
  'POST /me/programme-invitations/{id}/join': { ...signedIn(404) },
  'POST /me/partner-invitations/{id}/accept': { ...signedIn(404) },
  'POST /me/partner-invitations/{id}/decline': { ...signedIn(404) },
  // Notifications are each person's own; failed jobs are the platform admin's.
  'GET /me/notifications': signedIn(200),
  'GET /me/notifications/unread': signedIn(200),
  // The admin's notice that a partner joined: nobody else can mark it read.
  'POST /me/notifications/{id}/read': {
    anonymous: 401,
    outsider: 404,
    member: 404,
    admin: 200,
    platformAdmin: 404,
  },
  'POST /me/notifications/read': signedIn(200),
  'GET /me/notification-preferences': signedIn(200),
  'PUT /me/notification-preferences': {
    ...signedIn(200),
    body: () => ({ preferences: [{ kind: 'partner-joined', channel: 'off' }] }),
  },
  // The e-mail's link needs no sign-in; a signature that does not fit is refused for everyone alike.
  'POST /notifications/unsubscribe': {
    ...all(400),
    body: () => ({
      user: '00000000-0000-4000-8000-000000000000',
      kind: 'round-due',
      signature: 'x'.repeat(32),
    }),
  },
  'GET /admin/jobs/failed': { anonymous: 401, outsider: 403, member: 403, admin: 403, platformAdmin: 200 },
  'POST /admin/jobs/{id}/retry': {
    anonymous: 401,
    outsider: 403,
    member: 403,
    admin: 403,
    platformAdmin: 404,
  },
  // Each admin schedules (and cancels) their own organisation's deletion; a member may not.
  'POST /organisation/deletion': {
    anonymous: 401,
    outsider: 200,
    member: 403,
    admin: 200,
    platformAdmin: 404,
  },
  'DELETE /organisation/deletion': {
    anonymous: 401,
    outsider: 200,
    member: 403,
    admin: 200,
    platformAdmin: 404,
  },
  // Each admin downloads their own organisation's data; a member may not.
  'GET /organisation/export.zip': {
    anonymous: 401,
    outsider: 200,
    member: 403,
    admin: 200,
    platformAdmin: 404,
  },
  'POST /organisation/invitations': {
    anonymous: 401,
    outsider: 201,
    member: 403,
    admin: 201,
    platformAdmin: 404,
    body: () => ({}),
  },
  'DELETE /organisation/invitations/{id}': {
    anonymous: 401,
    outsider: 404,
    member: 403,
    admin: 200,
    platformAdmin: 404,
  },
  // Holding the link is the permission: that is what an invitation is.
  'GET /invitations/{token}': all(200),
  // Members already in A get 200 without using the link; the outsider used it up, so the platform admin gets 409.
  'POST /invitations/{token}/accept': {
    anonymous: 401,
    outsider: 200,
    member: 200,
    admin: 200,
    platformAdmin: 409,
  },
  'GET /admin/users': { anonymous: 401, outsider: 403, member: 403, admin: 403, platformAdmin: 200 },
  'PUT /admin/users/{id}/roles/{role}': {
    anonymous: 401,
    outsider: 403,
    member: 403,
    admin: 403,
    platformAdmin: 200,
  },
  'DELETE /admin/users/{id}/roles/{role}': {
    anonymous: 401,
    outsider: 403,
    member: 403,
    admin: 403,
    platformAdmin: 200,
  },
  // Collaborations of organisation A, with partner C; the outsider's organisation B does not take part.
  'GET /collaborations': { anonymous: 401, outsider: 200, member: 200, admin: 200, platformAdmin: 404 },
  'POST /collaborations': {
    ...inOrganisation(201, 201),
    outsider: 201,
    body: () => ({ name: 'Nieuw', ambition: 'transaction' }),
  },
  'GET /collaborations/{id}': inOrganisation(200, 200),
  'PATCH /collaborations/{id}': { ...inOrganisation(200, 200), body: () => ({ purpose: 'Samen meer' }) },
  'POST /collaborations/{id}/archive': inOrganisation(403, 200),
  'POST /collaborations/{id}/leave': inOrganisation(403, 200),
  'POST /collaborations/{id}/invitations': inOrganisation(403, 201),
  'GET /partner-invitations/{token}': all(200),
  // The outsider's admin uses the link first; then it is spent (409). Members cannot answer for their organisation.
  'POST /partner-invitations/{token}/accept': {
    anonymous: 401,
    outsider: 200,
    member: 403,
    admin: 409,
    platformAdmin: 404,
  },
  'POST /partner-invitations/{token}/decline': {
    anonymous: 401,
    outsider: 200,
    member: 403,
    admin: 409,
    platformAdmin: 404,
  },
  'GET /collaborations/{id}/rounds/{number}': inOrganisation(200, 200),
  'GET /collaborations/{id}/events': { ...inOrganisation(200, 200), stream: true },
  'GET /collaborations/{id}/presence': inOrganisation(200, 200),
  'GET /collaborations/{id}/rounds/{number}/report.pdf': inOrganisation(200, 200),
  // The first round is not revealed yet, so nobody may start the next.
  'POST /collaborations/{id}/rounds': inOrganisation(409, 409),
  'PUT /collaborations/{id}/answers/{topicId}': {
    ...inOrganisation(200, 200),
    body: () => ({ rating: 3, answer: 'Ja' }),
  },
  'POST /collaborations/{id}/submit': inOrganisation(200, 200),
  'POST /collaborations/{id}/reveal-early': inOrganisation(200, 200),
  'POST /collaborations/{id}/agreements': {
    ...inOrganisation(201, 201),
    body: () => ({ topicId: 'ambition', text: 'Afgesproken' }),
  },
  // Agreeing to version 1 twice on behalf of one organisation is one approval, and withdrawing it twice is fine.
  'POST /collaborations/{id}/agreements/{itemId}/approval': {
    ...inOrganisation(200, 200),
    body: () => ({ version: 1 }),
  },
  'DELETE /collaborations/{id}/agreements/{itemId}/approval': inOrganisation(200, 200),
  'GET /collaborations/{id}/agreements.csv': inOrganisation(200, 200),
  // The member saves version 1 first; the admin's save of the same version is refused, not lost.
  'PATCH /collaborations/{id}/agreements/{itemId}': {
    ...inOrganisation(200, 409),
    body: () => ({ text: 'Nieuw', version: 1 }),
  },
  'DELETE /collaborations/{id}/agreements/{itemId}': inOrganisation(200, 404),
  'GET /collaborations/{id}/actions': inOrganisation(200, 200),
  'GET /collaborations/{id}/assessment': inOrganisation(200, 200),
  // Programmes belong to facilitators; none of the personas has that role, so all are refused.
  'GET /programmes': { ...signedIn(403) },
  'POST /programmes': { ...signedIn(403), body: () => ({ name: 'Cohort' }) },
  'GET /programmes/{id}': signedIn(403),
  'POST /programmes/{id}/invitations': signedIn(403),
  'GET /programmes/{id}/cohort': signedIn(403),
  'GET /programmes/{id}/cohort.csv': signedIn(403),
  'POST /programmes/{id}/cohort/publications': signedIn(403),
  'GET /programme-invitations/{token}': all(200),
  // Admins join with their organisation; members cannot; without an organisation there is nothing to join with.
  'POST /programme-invitations/{token}/join': {
    anonymous: 401,
    outsider: 200,
    member: 403,
    admin: 200,
    platformAdmin: 404,
  },
  'GET /organisation/programmes': {
    anonymous: 401,
    outsider: 200,
    member: 200,
    admin: 200,
    platformAdmin: 404,
  },
  'PUT /organisation/programmes/{id}/consent': {
    anonymous: 401,
    outsider: 404,
    member: 403,
    admin: 200,
    platformAdmin: 404,
    body: () => ({ consent: true }),
  },
  'PUT /collaborations/{id}/assessment': {
    ...inOrganisation(200, 200),
    body: () => ({ partnershipAmbition: 'integration' }),
  },
  'POST /collaborations/{id}/assessment/submit': inOrganisation(200, 200),
  'POST /collaborations/{id}/assessment/reveal-early': inOrganisation(200, 200),
  'POST /collaborations/{id}/actions': {
    ...inOrganisation(201, 201),
    body: () => ({ topicId: 'risk', text: 'Bellen' }),
  },
  'GET /collaborations/{id}/actions/{itemId}/calendar.ics': inOrganisation(200, 200),
  // Like agreements: the member edits version 1, so the admin's edit of version 1 is an edit conflict.
  'PATCH /collaborations/{id}/actions/{itemId}': {
    ...inOrganisation(200, 409),
    body: () => ({ done: true, version: 1 }),
  },
  'DELETE /collaborations/{id}/actions/{itemId}': inOrganisation(200, 404),
  'PUT /collaborations/{id}/rhythm': {
    ...inOrganisation(200, 200),
    body: () => ({ nextConversationAt: '2026-12-08T14:00:00+01:00', place: 'Werkpoort', cadence: 'monthly' }),
  },
  'GET /collaborations/{id}/next-conversation.ics': inOrganisation(200, 200),
  'GET /collaborations/{id}/process': inOrganisation(200, 200),
  // Both start from version 0 of an empty deliverable: the member's save wins, the admin's is an edit conflict.
  'PUT /collaborations/{id}/process/deliverables/{deliverableId}': {
    ...inOrganisation(200, 409),
    body: () => ({ baseVersion: 0, content: { problem: 'Te weinig leerwerkplekken' } }),
  },
  'POST /collaborations/{id}/process/deliverables/{deliverableId}/sign-off': {
    ...inOrganisation(200, 200),
    body: () => ({ version: 1 }),
  },
  'DELETE /collaborations/{id}/process/deliverables/{deliverableId}/sign-off': inOrganisation(200, 200),
  'GET /collaborations/{id}/process/deliverables/{deliverableId}/versions': inOrganisation(200, 200),
  'PUT /collaborations/{id}/process/checks/{moment}': {
    ...inOrganisation(200, 200),
    body: () => ({ answers: { trust: { rating: 3 } } }),
  },
  // Partner C has not answered, so neither submission nor early reveal reveals anything.
  'POST /collaborations/{id}/process/checks/{moment}/submit': inOrganisation(200, 200),
  'POST /collaborations/{id}/process/checks/{moment}/reveal-early': inOrganisation(200, 200),
  'POST /collaborations/{id}/process/pilots': {
    ...inOrganisation(200, 200),
    body: () => ({ title: 'Pilot', startsOn: '2026-09-01', endsOn: '2026-12-31' }),
  },
  'PATCH /collaborations/{id}/process/pilots/{pilotId}': {
    ...inOrganisation(200, 200),
    body: () => ({ results: 'Acht mensen geplaatst' }),
  },
  'DELETE /collaborations/{id}/process/pilots/{pilotId}': inOrganisation(200, 404),
  'PUT /collaborations/{id}/process/measurements/{criterionId}': {
    ...inOrganisation(200, 200),
    body: () => ({ value: 8 }),
  },
  // Partner C has not chosen, so the decision is not taken and may be changed or withdrawn.
  'PUT /collaborations/{id}/process/decision': {
    ...inOrganisation(200, 200),
    body: () => ({ decision: 'adjust' }),
  },
  'DELETE /collaborations/{id}/process/decision': inOrganisation(200, 200),
  // No decision yet, so no next cycle: refused for partners, unseen for others.
  'POST /collaborations/{id}/process/cycles': inOrganisation(409, 409),
  'GET /instrument/indicators': all(200),
  'GET /collaborations/{id}/ledger': inOrganisation(200, 200),
  'GET /collaborations/{id}/ledger.csv': inOrganisation(200, 200),
  // The fixture chose "people placed" already: choosing it again is refused, for partners only.
  'POST /collaborations/{id}/ledger/indicators': {
    ...inOrganisation(409, 409),
    body: () => ({ libraryId: 'people-placed' }),
  },
  'PATCH /collaborations/{id}/ledger/indicators/{indicatorId}': {
    ...inOrganisation(200, 200),
    body: () => ({ targets: [{ period: '2026-Q4', target: 8 }] }),
  },
  // It holds a value, so removing it is refused rather than losing the value.
  'DELETE /collaborations/{id}/ledger/indicators/{indicatorId}': inOrganisation(409, 409),
  'PUT /collaborations/{id}/ledger/indicators/{indicatorId}/values/{period}': {
    ...inOrganisation(200, 200),
    body: () => ({ value: 3 }),
  },
  'GET /collaborations/{id}/ledger/indicators/{indicatorId}/values/{period}/history': inOrganisation(
    200,
    200,
  ),
  'GET /collaborations/{id}/process/export.json': inOrganisation(200, 200),
  'GET /collaborations/{id}/process/export.pdf': inOrganisation(200, 200),
  'POST /collaborations/{id}/process/import': {
    ...inOrganisation(200, 200),
    body: () => ({
      format: 'impact-wheel/partnering-process',
      version: 1,
      cycles: [{ number: 1, deliverables: { 'key-impacts': { content: { vision: 'Samen' } } } }],
    }),
  },
};

type Fixture = {
  clients: Record<Persona, Client>;
  organisationA: string;
  memberEmail: string;
  params: Record<string, Record<string, string>>;
};

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await signUp(t.app, 'First Account'); // the first account becomes platform admin; the personas come after
});
afterAll(async () => {
  await t.close();
});

async function fixture(): Promise<Fixture> {
  const { client: admin, organisationId: organisationA } = await signUpWithOrganisation(t.app, 'A');
  const memberEmail = uniqueEmail('member');
  const member = await signUp(t.app, 'Member', memberEmail);
  const invite = await admin.post('/organisation/invitations', {});
  await member.post(`/invitations/${invite.body.link.split('/invitations/')[1]}/accept`);
  const target = await addMember(t.app, admin);
  const { client: outsider } = await signUpWithOrganisation(t.app, 'B');
  const token = await admin.post('/me/tokens', { name: 'victim' });
  const openInvite = await admin.post('/organisation/invitations', {});
  const collaboration = await admin.post('/collaborations', { name: 'Matrix', ambition: 'integration' });
  const collaborationId = collaboration.body.collaboration.id as string;
  const { client: partnerC } = await signUpWithOrganisation(t.app, 'C');
  const partnerLink = async () =>
    (await admin.post(`/collaborations/${collaborationId}/invitations`)).body.link.split(
      '/partner-invitations/',
    )[1] as string;
  await partnerC.post(`/partner-invitations/${await partnerLink()}/accept`);
  const partnerToken = await partnerLink();
  const agreement = await admin.post(`/collaborations/${collaborationId}/agreements`, {
    topicId: 'goals',
    text: 'Eerst',
  });
  const action = await admin.post(`/collaborations/${collaborationId}/actions`, {
    topicId: 'goals',
    text: 'Eerst',
    dueDate: '2026-12-01',
  });
  await admin.put(`/collaborations/${collaborationId}/rhythm`, {
    nextConversationAt: '2026-12-01T14:00:00+01:00',
    cadence: 'quarterly',
  });
  await admin.put(`/collaborations/${collaborationId}/process/deliverables/measurement-system`, {
    baseVersion: 0,
    content: { criteria: [{ id: 'c1', indicator: 'Geplaatst', comparator: 'gte', threshold: 8 }] },
  });
  const indicator = (
    await admin.post(`/collaborations/${collaborationId}/ledger/indicators`, { libraryId: 'people-placed' })
  ).body.indicators[0].id as string;
  await admin.put(`/collaborations/${collaborationId}/ledger/indicators/${indicator}/values/2026-01`, {
    value: 2,
  });
  const pilot = await admin.post(`/collaborations/${collaborationId}/process/pilots`, {
    title: 'Eerste pilot',
    startsOn: '2026-09-01',
    endsOn: '2026-12-31',
  });
  const collab = { id: collaborationId };
  const notice = (await admin.get('/me/notifications')).body.notifications[0].id as string;
  await admin.post(`/collaborations/${collaborationId}/invitations`, { email: 'nobody-here@example.org' });
  const [addressed] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from collaboration_invitations where email = 'nobody-here@example.org'`,
  );
  // A programme run by a facilitator outside the personas, which organisation A has joined.
  const facilitator = await signUp(t.app, 'Facilitator');
  await t.database.db.insert(platformRoles).values({ userId: facilitator.userId!, role: 'facilitator' });
  const programmeId = (await facilitator.post('/programmes', { name: 'Cohort' })).body.id as string;
  await facilitator.post(`/programmes/${programmeId}/invitations`, { email: 'nobody-here@example.org' });
  const [addressedProgramme] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from programme_invitations where email = 'nobody-here@example.org'`,
  );
  const programmeToken = (await facilitator.post(`/programmes/${programmeId}/invitations`)).body.link.split(
    '/programme-invitations/',
  )[1] as string;
  await admin.post(`/programme-invitations/${programmeToken}/join`);
  const programme = { id: programmeId };
  const inviteToken = openInvite.body.link.split('/invitations/')[1];
  // A fresh platform admin each time, in no organisation (earlier rows create and join some).
  const platformAdmin = await signUp(t.app, 'Platform Admin');
  await t.database.db.insert(platformRoles).values({ userId: platformAdmin.userId!, role: 'platform_admin' });
  await platformAdmin.get('/me');
  return {
    clients: { anonymous: new Client(t.app), outsider, member, admin, platformAdmin },
    organisationA,
    memberEmail,
    params: {
      'DELETE /me/tokens/{id}': { id: token.body.token.id },
      'POST /me/notifications/{id}/read': { id: notice },
      'POST /me/partner-invitations/{id}/accept': { id: addressed!.id },
      'POST /me/programme-invitations/{id}/join': { id: addressedProgramme!.id },
      'POST /me/partner-invitations/{id}/decline': { id: addressed!.id },
      'POST /admin/jobs/{id}/retry': { id: '00000000-0000-4000-8000-000000000000' },
      'POST /auth/sign-up/{token}': { token: 'no-such-confirmation-link' },
      'POST /auth/password-reset/{token}': { token: 'no-such-reset-link' },
      'PATCH /organisation/members/{userId}': { userId: target.userId! },
      'DELETE /organisation/members/{userId}': { userId: target.userId! },
      'DELETE /organisation/invitations/{id}': { id: openInvite.body.invitation.id },
      'GET /invitations/{token}': { token: inviteToken },
      'POST /invitations/{token}/accept': { token: inviteToken },
      'PUT /admin/users/{id}/roles/{role}': { id: target.userId!, role: 'facilitator' },
      'DELETE /admin/users/{id}/roles/{role}': { id: target.userId!, role: 'facilitator' },
      'GET /collaborations/{id}': collab,
      'PATCH /collaborations/{id}': collab,
      'POST /collaborations/{id}/archive': collab,
      'POST /collaborations/{id}/leave': collab,
      'POST /collaborations/{id}/invitations': collab,
      'GET /partner-invitations/{token}': { token: partnerToken },
      'POST /partner-invitations/{token}/accept': { token: partnerToken },
      'POST /partner-invitations/{token}/decline': { token: partnerToken },
      'GET /collaborations/{id}/rounds/{number}': { ...collab, number: '1' },
      'GET /collaborations/{id}/events': collab,
      'GET /collaborations/{id}/presence': collab,
      'GET /collaborations/{id}/rounds/{number}/report.pdf': { ...collab, number: '1' },
      'POST /collaborations/{id}/rounds': collab,
      'PUT /collaborations/{id}/answers/{topicId}': { ...collab, topicId: 'ambition' },
      'POST /collaborations/{id}/submit': collab,
      'POST /collaborations/{id}/reveal-early': collab,
      'POST /collaborations/{id}/agreements': collab,
      'POST /collaborations/{id}/agreements/{itemId}/approval': { ...collab, itemId: agreement.body.id },
      'DELETE /collaborations/{id}/agreements/{itemId}/approval': { ...collab, itemId: agreement.body.id },
      'GET /collaborations/{id}/agreements.csv': collab,
      'PATCH /collaborations/{id}/agreements/{itemId}': { ...collab, itemId: agreement.body.id },
      'DELETE /collaborations/{id}/agreements/{itemId}': { ...collab, itemId: agreement.body.id },
      'GET /collaborations/{id}/actions': collab,
      'GET /collaborations/{id}/assessment': collab,
      'GET /programmes/{id}': programme,
      'POST /programmes/{id}/invitations': programme,
      'GET /programmes/{id}/cohort': programme,
      'GET /programmes/{id}/cohort.csv': programme,
      'POST /programmes/{id}/cohort/publications': programme,
      'GET /programme-invitations/{token}': { token: programmeToken },
      'POST /programme-invitations/{token}/join': { token: programmeToken },
      'PUT /organisation/programmes/{id}/consent': programme,
      'PUT /collaborations/{id}/assessment': collab,
      'POST /collaborations/{id}/assessment/submit': collab,
      'POST /collaborations/{id}/assessment/reveal-early': collab,
      'POST /collaborations/{id}/actions': collab,
      'PATCH /collaborations/{id}/actions/{itemId}': { ...collab, itemId: action.body.id },
      'DELETE /collaborations/{id}/actions/{itemId}': { ...collab, itemId: action.body.id },
      'GET /collaborations/{id}/actions/{itemId}/calendar.ics': { ...collab, itemId: action.body.id },
      'PUT /collaborations/{id}/rhythm': collab,
      'GET /collaborations/{id}/next-conversation.ics': collab,
      'GET /collaborations/{id}/process': collab,
      'PUT /collaborations/{id}/process/deliverables/{deliverableId}': {
        ...collab,
        deliverableId: 'problem-definition',
      },
      'POST /collaborations/{id}/process/deliverables/{deliverableId}/sign-off': {
        ...collab,
        deliverableId: 'measurement-system',
      },
      'DELETE /collaborations/{id}/process/deliverables/{deliverableId}/sign-off': {
        ...collab,
        deliverableId: 'measurement-system',
      },
      'GET /collaborations/{id}/process/deliverables/{deliverableId}/versions': {
        ...collab,
        deliverableId: 'measurement-system',
      },
      'PUT /collaborations/{id}/process/checks/{moment}': { ...collab, moment: 'start' },
      'POST /collaborations/{id}/process/checks/{moment}/submit': { ...collab, moment: 'start' },
      'POST /collaborations/{id}/process/checks/{moment}/reveal-early': { ...collab, moment: 'before-scale' },
      'POST /collaborations/{id}/process/pilots': collab,
      'PATCH /collaborations/{id}/process/pilots/{pilotId}': { ...collab, pilotId: pilot.body.pilots[0].id },
      'DELETE /collaborations/{id}/process/pilots/{pilotId}': { ...collab, pilotId: pilot.body.pilots[0].id },
      'PUT /collaborations/{id}/process/measurements/{criterionId}': { ...collab, criterionId: 'c1' },
      'PUT /collaborations/{id}/process/decision': collab,
      'DELETE /collaborations/{id}/process/decision': collab,
      'POST /collaborations/{id}/process/cycles': collab,
      'GET /collaborations/{id}/ledger': collab,
      'GET /collaborations/{id}/ledger.csv': collab,
      'POST /collaborations/{id}/ledger/indicators': collab,
      'PATCH /collaborations/{id}/ledger/indicators/{indicatorId}': { ...collab, indicatorId: indicator },
      'DELETE /collaborations/{id}/ledger/indicators/{indicatorId}': { ...collab, indicatorId: indicator },
      'PUT /collaborations/{id}/ledger/indicators/{indicatorId}/values/{period}': {
        ...collab,
        indicatorId: indicator,
        period: '2026-02',
      },
      'GET /collaborations/{id}/ledger/indicators/{indicatorId}/values/{period}/history': {
        ...collab,
        indicatorId: indicator,
        period: '2026-01',
      },
      'GET /collaborations/{id}/process/export.json': collab,
      'GET /collaborations/{id}/process/export.pdf': collab,
      'POST /collaborations/{id}/process/import': collab,
    },
  };
}

/** The status of a GET over real HTTP, without waiting for a stream's end. */
async function streamStatus(client: Client, url: string): Promise<number> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address() as { port: number };
  const abort = new AbortController();
  const response = await fetch(`http://127.0.0.1:${address.port}/api/v1${url}`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
    signal: abort.signal,
  });
  abort.abort();
  return response.status;
}

describe('authorisation matrix', () => {
  it('has an expectation for every route in the OpenAPI document, and no stale ones', async () => {
    const doc = (await new Client(t.app).get('/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const missing = routes.filter((r) => !(r in MATRIX));
    expect(missing, 'routes without an authorisation expectation').toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !routes.includes(r)),
      'expectations for routes that do not exist',
    ).toEqual([]);
  });

  const personas: Persona[] = ['anonymous', 'outsider', 'member', 'admin', 'platformAdmin'];
  it.each(Object.entries(MATRIX))('%s', async (route, row) => {
    const f = await fixture();
    const [method, template] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
    const params = f.params[route] ?? {};
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`no fixture value for {${name}} in ${route}`);
      return value;
    });
    const outcome: Partial<Record<Persona, number>> = {};
    for (const persona of personas) {
      if (row.stream) {
        outcome[persona] = await streamStatus(f.clients[persona], url);
        continue;
      }
      const response = await f.clients[persona].request(method, url, row.body?.(f));
      outcome[persona] = response.status;
      expect(response.status, `${persona}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
    }
    const expected = Object.fromEntries(personas.map((p) => [p, row[p]]));
    expect(outcome).toEqual(expected);
  });
});
