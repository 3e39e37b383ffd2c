import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import { type Client, signUp, signUpWithOrganisation, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const item = (component: string) => assessment.items.find((i) => i.component === component)!.id;

async function facilitator(): Promise<Client> {
  const client = await signUp(t.app, 'Begeleider');
  await t.database.db.insert(platformRoles).values({ userId: client.userId!, role: 'facilitator' });
  return client;
}

/** An organisation that assessed one collaboration (answers given) and submitted it. */
async function assessedOrganisation(type: string, answers: Record<string, number>) {
  const { client } = await signUpWithOrganisation(t.app, `Org ${type}`);
  if (type !== 'wise') await client.patch('/organisation', { type });
  const created = await client.post('/collaborations', { name: 'Eigen', ambition: 'transaction' });
  const id = created.body.collaboration.id;
  await client.put(`/collaborations/${id}/assessment`, {
    answers: Object.fromEntries(Object.entries(answers).map(([c, v]) => [item(c), v])),
  });
  await client.post(`/collaborations/${id}/assessment/submit`);
  return client;
}

async function join(org: Client, link: string, consent = true) {
  const joined = await org.post(`/programme-invitations/${link.split('/programme-invitations/')[1]}/join`);
  expect(joined.status).toBe(200);
  if (consent)
    await org.put(`/organisation/programmes/${joined.body.programmeId}/consent`, { consent: true });
  return joined.body.programmeId as string;
}

describe('programmes and the cohort chart', () => {
  it('counts only consenting organisations, hides groups under five, and drops withdrawn consent at once', async () => {
    const f = await facilitator();
    const programme = await f.post('/programmes', {
      name: 'Cohort 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(programme.status).toBe(201);
    const pid = programme.body.id;
    const link = (await f.post(`/programmes/${pid}/invitations`)).body.link as string;

    const orgs: Client[] = [];
    for (let i = 0; i < 5; i++)
      orgs.push(await assessedOrganisation('wise', { complementarity: 5, equivalency: i < 3 ? 4 : 2 }));
    const silent = await assessedOrganisation('regular-company', { complementarity: 1 });
    for (const org of orgs.slice(0, 4)) await join(org, link);
    await join(silent, link, false);

    // Four consenting: too few to show anything.
    let cohort = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(cohort.statements.every((s: { n: number | null }) => s.n === null)).toBe(true);

    await join(orgs[4]!, link);
    cohort = (await f.get(`/programmes/${pid}/cohort`)).body;
    const complementary = cohort.statements.find(
      (s: { itemId: string }) => s.itemId === item('complementarity'),
    );
    expect(complementary).toEqual({ itemId: item('complementarity'), n: 5, counts: [0, 0, 0, 0, 5] });
    const equal = cohort.statements.find((s: { itemId: string }) => s.itemId === item('equivalency'));
    expect(equal.counts).toEqual([0, 2, 0, 3, 0]);
    // Statements nobody answered stay hidden; the non-consenting company is not counted.
    expect(cohort.statements.find((s: { itemId: string }) => s.itemId === item('synergy')).n).toBeNull();

    const detail = await f.get(`/programmes/${pid}`);
    expect(detail.body.members).toHaveLength(6);
    expect(detail.body.members.filter((m: { consent: boolean }) => m.consent)).toHaveLength(5);
    expect(JSON.stringify(detail.body)).not.toContain('"value"');

    const csv = await f.request('GET', `/programmes/${pid}/cohort.csv`);
    expect(csv.raw.headers['content-type']).toContain('text/csv');
    expect(csv.raw.body).toContain(`${item('complementarity')},`);
    expect(csv.raw.body).toContain('too few answers to show');

    // One withdraws: back to four, hidden everywhere, CSV included.
    const withdraw = await orgs[0]!.put(`/organisation/programmes/${pid}/consent`, { consent: false });
    expect(withdraw.status).toBe(200);
    cohort = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(cohort.statements.every((s: { n: number | null }) => s.n === null)).toBe(true);
    const csvAfter = (await f.request('GET', `/programmes/${pid}/cohort.csv`)).raw.body;
    expect(
      csvAfter
        .split('\n')
        .slice(1)
        .every((line) => line.includes('too few answers to show')),
    ).toBe(true);
  });

  it('hides a filtered row when the rest of the cohort could be derived by subtraction', async () => {
    const f = await facilitator();
    const pid = (await f.post('/programmes', { name: 'Filters' })).body.id;
    const link = (await f.post(`/programmes/${pid}/invitations`)).body.link as string;
    for (let i = 0; i < 7; i++) await join(await assessedOrganisation('wise', { complementarity: 4 }), link);
    for (let i = 0; i < 3; i++)
      await join(await assessedOrganisation('regular-company', { complementarity: 2 }), link);
    const all = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(all.statements.find((s: { itemId: string }) => s.itemId === item('complementarity')).n).toBe(10);
    // WISEs alone are 7, but showing them would reveal the 3 companies by subtraction.
    const wise = (await f.get(`/programmes/${pid}/cohort?type=wise`)).body;
    expect(
      wise.statements.find((s: { itemId: string }) => s.itemId === item('complementarity')).n,
    ).toBeNull();
    const companies = (await f.get(`/programmes/${pid}/cohort?type=regular-company`)).body;
    expect(
      companies.statements.find((s: { itemId: string }) => s.itemId === item('complementarity')).n,
    ).toBeNull();
  });

  it('is for facilitators: others get 403, another facilitator’s programme is 404', async () => {
    const f = await facilitator();
    const pid = (await f.post('/programmes', { name: 'Eigen programma' })).body.id;
    const { client: admin } = await signUpWithOrganisation(t.app, 'Geen begeleider');
    expect((await admin.post('/programmes', { name: 'x' })).status).toBe(403);
    expect((await admin.get(`/programmes/${pid}/cohort`)).status).toBe(403);
    const other = await facilitator();
    expect((await other.get(`/programmes/${pid}`)).status).toBe(404);
    expect((await other.get(`/programmes/${pid}/cohort`)).status).toBe(404);
    expect((await f.post('/programmes', { name: '' })).status).toBe(400);
  });
});
