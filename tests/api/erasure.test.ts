import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import {
  addMember,
  addWitness,
  pdfText,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
} from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const rows = (query: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(t.database.db, query);

async function pair(nameA: string, nameB: string) {
  const a = await signUpWithOrganisation(t.app, nameA);
  const b = await signUpWithOrganisation(t.app, nameB);
  const id = (
    await a.client.post('/collaborations', { name: 'Gedeelde samenwerking', ambition: 'integration' })
  ).body.collaboration.id as string;
  const token = (await a.client.post(`/collaborations/${id}/invitations`)).body.link.split(
    '/partner-invitations/',
  )[1];
  expect((await b.client.post(`/partner-invitations/${token}/accept`)).status).toBe(200);
  return { a, b, id };
}

describe('deleting an organisation (issue 9, point 14)', () => {
  it('is asked by an admin, shown to partners as leaving, and can be cancelled within 30 days', async () => {
    const { a, b, id } = await pair('Vertrekker BV', 'Blijver BV');
    const member = await addMember(t.app, a.client, 'member');
    expect((await member.post('/organisation/deletion')).status).toBe(403);
    const asked = await a.client.post('/organisation/deletion');
    expect(asked.status).toBe(200);
    const due = new Date(asked.body.deletionDueAt).getTime();
    expect(Math.abs(due - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    // Asking twice does not move the date.
    expect((await a.client.post('/organisation/deletion')).body.deletionDueAt).toBe(asked.body.deletionDueAt);
    const seen = (await b.client.get(`/collaborations/${id}`)).body.participants;
    expect(
      seen.find((p: { organisationId: string }) => p.organisationId === a.organisationId).leavingOn,
    ).toBe(asked.body.deletionDueAt);
    // Not yet due: nothing happens.
    expect(await t.eraseDue(new Date(Date.now() + 29 * DAY))).toBe(0);
    const cancelled = await a.client.delete('/organisation/deletion');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.deletionDueAt).toBeNull();
    expect(await t.eraseDue(new Date(Date.now() + 31 * DAY))).toBe(0);
    expect((await a.client.get('/organisation')).body.name).toBe('Vertrekker BV');
  });

  it('after the grace period removes the private data and keeps the revealed answers for partners, nameless', async () => {
    const { a, b, id } = await pair('Geheim Weg BV', 'Partner Blijft BV');
    await a.client.put(`/collaborations/${id}/answers/trust`, { rating: 3, answer: 'INGEDIEND-DOOR-A' });
    await b.client.put(`/collaborations/${id}/answers/trust`, { rating: 4, answer: 'Van B' });
    await a.client.post(`/collaborations/${id}/submit`);
    await b.client.post(`/collaborations/${id}/submit`);
    expect((await a.client.post(`/collaborations/${id}/rounds`)).status).toBe(201);
    await a.client.put(`/collaborations/${id}/answers/trust`, { rating: 1, answer: 'CONCEPT-VAN-A' });
    const solo = (await a.client.post('/collaborations', { name: 'Alleen van A', ambition: 'transaction' }))
      .body.collaboration.id as string;
    await a.client.post('/organisation/deletion');

    expect(await t.eraseDue(new Date(Date.now() + 31 * DAY))).toBe(1);

    // The partner keeps round 1 with A's submitted answer, labelled as a former partner; never A's draft.
    const round1 = (await b.client.get(`/collaborations/${id}/rounds/1`)).body;
    expect(round1.answers.map((x: { answer: string }) => x.answer)).toContain('INGEDIEND-DOOR-A');
    const workspace = (await b.client.get(`/collaborations/${id}`)).body;
    expect(workspace.participants.map((p: { organisationId: string }) => p.organisationId)).not.toContain(
      a.organisationId,
    );
    expect(workspace.formerParticipants).toEqual([
      expect.objectContaining({ organisationId: a.organisationId, name: '' }),
    ]);
    const pdf = pdfText(
      (await b.client.request('GET', `/collaborations/${id}/rounds/1/report.pdf?lang=nl`)).raw.rawPayload,
    );
    expect(pdf.replace(/\s+/g, ' ')).toContain('Een voormalig partner: INGEDIEND-DOOR-A');
    expect(pdf).not.toContain('Geheim Weg');

    // Nothing of A's is left in the database: no name, no draft, no solo collaboration, no members.
    expect(await rows(sql`select 1 from organisations where name like '%Geheim Weg%'`)).toEqual([]);
    expect(await rows(sql`select 1 from ratings where answer = 'CONCEPT-VAN-A'`)).toEqual([]);
    expect(await rows(sql`select 1 from collaborations where id = ${solo}`)).toEqual([]);
    expect(await rows(sql`select 1 from memberships where organisation_id = ${a.organisationId}`)).toEqual(
      [],
    );
    // The person keeps their account, without the organisation.
    expect((await a.client.get('/me')).status).toBe(200);
    expect((await a.client.get('/organisation')).status).toBe(404);
    expect((await a.client.get(`/collaborations/${id}`)).status).toBe(404);
    // Running the job again finds nothing more to do.
    expect(await t.eraseDue(new Date(Date.now() + 32 * DAY))).toBe(0);
  });

  it('removes its drafts of the partnering process checks and keeps what partners were shown', async () => {
    const { a, b, id } = await pair('Proces Weg BV', 'Proces Blijft BV');
    await a.client.put(`/collaborations/${id}/process/checks/start`, {
      answers: { trust: { rating: 2, note: 'GETOOND-AAN-PARTNER' } },
    });
    await a.client.post(`/collaborations/${id}/process/checks/start/submit`);
    await b.client.post(`/collaborations/${id}/process/checks/start/submit`, {
      answers: { trust: { rating: 3 } },
    });
    await a.client.put(`/collaborations/${id}/process/checks/before-scale`, {
      answers: { trust: { rating: 1, note: 'PROCES-CONCEPT-VAN-A' } },
    });
    await a.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
      baseVersion: 0,
      content: { problem: 'Gedeeld probleem' },
    });
    await a.client.post('/organisation/deletion');
    expect(await t.eraseDue(new Date(Date.now() + 31 * DAY))).toBe(1);
    expect(await rows(sql`select 1 from process_check_answers where note = 'PROCES-CONCEPT-VAN-A'`)).toEqual(
      [],
    );
    const view = (await b.client.get(`/collaborations/${id}/process`)).body;
    expect(JSON.stringify(view)).toContain('GETOOND-AAN-PARTNER');
    expect(JSON.stringify(view)).not.toContain('Proces Weg');
    // The shared deliverable stays: it was the partnership's, not the organisation's alone.
    expect(view.deliverables[0].content.problem).toBe('Gedeeld probleem');
  });

  it('a round that waited only for the erased partner reveals to the others', async () => {
    const { a, b, id } = await pair('Laatste Wacht BV', 'Wachtende BV');
    const witness = await addWitness(t.app, b.client, id);
    await b.client.put(`/collaborations/${id}/answers/trust`, { rating: 4, answer: 'Klaar' });
    await b.client.post(`/collaborations/${id}/submit`);
    await b.client.post(`/collaborations/${id}/assessment/submit`);
    await a.client.post('/organisation/deletion');
    expect(await t.eraseDue(new Date(Date.now() + 31 * DAY))).toBe(1);
    const round = (await b.client.get(`/collaborations/${id}/rounds/1`)).body;
    expect(round.revealedAt).not.toBeNull();
    expect(round.status.map((s: { organisationId: string }) => s.organisationId).sort()).toEqual(
      [b.organisationId, (await witness.get('/organisation')).body.id].sort(),
    );
    // The self-assessment was waiting for it too.
    expect((await b.client.get(`/collaborations/${id}/assessment`)).body.round.revealedAt).not.toBeNull();
  });

  it('a round left to one organisation by the erasure does not reveal', async () => {
    const { a, b, id } = await pair('Enige Wacht BV', 'Alleen Over BV');
    await b.client.post(`/collaborations/${id}/submit`);
    await a.client.post('/organisation/deletion');
    expect(await t.eraseDue(new Date(Date.now() + 31 * DAY))).toBe(1);
    expect((await b.client.get(`/collaborations/${id}/rounds/1`)).body.revealedAt).toBeNull();
  });
});

describe('the erasure job on two servers at once', () => {
  it('erases an organisation once when run in parallel', async () => {
    const { a } = await pair('Dubbel Weg BV', 'Dubbel Blijft BV');
    await a.client.post('/organisation/deletion');
    const later = new Date(Date.now() + 31 * DAY);
    const runs = await Promise.all([t.eraseDue(later), t.eraseDue(later), t.eraseDue(later)]);
    expect(runs.reduce((sum, n) => sum + n, 0)).toBe(1);
  });
});
