import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import {
  addWitness,
  type Client,
  signUp,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
  witnessOf,
  witnessRound,
} from './harness.ts';

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

type Answers = Record<string, number>;

/**
 * Assesses a new collaboration of the client's current organisation in the given round and submits both the
 * assessment and the wheel, so the round is revealed: only then does an assessment count for the cohort.
 */
async function assess(client: Client, answers: Answers, round = 1, reveal = true) {
  const id = (await client.post('/collaborations', { name: 'Eigen', ambition: 'transaction' })).body
    .collaboration.id;
  // Without `reveal` the partner never agrees to look at the self-assessment together: submitted, not revealed.
  const witness = await addWitness(t.app, client, id, { assessment: reveal });
  for (let r = 1; r < round; r++) {
    expect((await client.post(`/collaborations/${id}/submit`)).body.revealed).toBe(true);
    expect((await client.post(`/collaborations/${id}/rounds`)).status).toBe(201);
    await witnessRound(witness, id, { assessment: reveal });
  }
  await client.put(`/collaborations/${id}/assessment`, {
    answers: Object.fromEntries(Object.entries(answers).map(([c, v]) => [item(c), v])),
  });
  const submitted = await client.post(`/collaborations/${id}/assessment/submit`);
  expect(submitted.status).toBe(200);
  expect(submitted.body.round.revealedAt !== null).toBe(reveal);
}

async function assessedOrganisation(type: string, answers: Answers, round = 1, reveal = true) {
  const { client } = await signUpWithOrganisation(t.app, `Org ${type}`);
  if (type !== 'wise') await client.patch('/organisation', { type });
  await assess(client, answers, round, reveal);
  return client;
}

async function join(org: Client, link: string, consent = true) {
  const joined = await org.post(`/programme-invitations/${link.split('/programme-invitations/')[1]}/join`);
  expect(joined.status).toBe(200);
  if (consent)
    await org.put(`/organisation/programmes/${joined.body.programmeId}/consent`, { consent: true });
  return joined.body.programmeId as string;
}

async function programme(f: Client, name = 'Cohort') {
  const pid = (await f.post('/programmes', { name })).body.id as string;
  const link = (await f.post(`/programmes/${pid}/invitations`)).body.link as string;
  return { pid, link };
}

type Row = { itemId: string; n: number | null; counts: number[] | null };
const row = (cohort: Record<string, any>, component: string): Row =>
  (cohort.statements as Row[]).find((s) => s.itemId === item(component))!;
const allHidden = (cohort: Record<string, any>) =>
  (cohort.statements as Row[]).every((s) => s.n === null && s.counts === null);

describe('programmes and the cohort chart', () => {
  it('shows only published figures of consenting organisations, hides groups under five, and drops withdrawn consent at once', async () => {
    const f = await facilitator();
    const created = await f.post('/programmes', {
      name: 'Cohort 2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(created.status).toBe(201);
    const pid = created.body.id;
    const link = (await f.post(`/programmes/${pid}/invitations`)).body.link as string;

    const orgs: Client[] = [];
    for (let i = 0; i < 5; i++)
      orgs.push(await assessedOrganisation('wise', { complementarity: 5, equivalency: i < 3 ? 4 : 2 }));
    const silent = await assessedOrganisation('regular-company', { complementarity: 1 });
    // Submitted, but the round is not revealed: the answers may still change, so they do not count.
    const unrevealed = await assessedOrganisation('wise', { complementarity: 1 }, 1, false);
    for (const org of orgs.slice(0, 4)) await join(org, link);
    await join(silent, link, false);
    await join(unrevealed, link);

    // Four consenting: nothing published, and nothing can be.
    let cohort = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(cohort).toMatchObject({ published: null, withdrawn: false, changes: 4, minimum: 5 });
    expect(allHidden(cohort)).toBe(true);
    const early = await f.post(`/programmes/${pid}/cohort/publications`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('too_few_changes');

    await join(orgs[4]!, link);
    // A consent alone changes no figure: figures change only at a publication.
    expect(allHidden((await f.get(`/programmes/${pid}/cohort`)).body)).toBe(true);
    const published = await f.post(`/programmes/${pid}/cohort/publications`);
    expect(published.status).toBe(201);
    expect(published.body.number).toBe(1);
    cohort = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(cohort.published.number).toBe(1);
    expect(cohort.changes).toBe(0);
    expect(row(cohort, 'complementarity')).toEqual({
      itemId: item('complementarity'),
      n: 5,
      counts: [0, 0, 0, 0, 5],
    });
    expect(row(cohort, 'equivalency').counts).toEqual([0, 2, 0, 3, 0]);
    // Statements nobody answered stay hidden; the non-consenting company is not counted.
    expect(row(cohort, 'synergy').n).toBeNull();

    const detail = await f.get(`/programmes/${pid}`);
    expect(detail.body.members).toHaveLength(7);
    expect(detail.body.members.filter((m: { consent: boolean }) => m.consent)).toHaveLength(6);
    expect(JSON.stringify(detail.body)).not.toContain('"value"');

    const csv = await f.request('GET', `/programmes/${pid}/cohort.csv`);
    expect(csv.raw.headers['content-type']).toContain('text/csv');
    expect(csv.raw.body).toContain(`${item('complementarity')},`);
    expect(csv.raw.body).toContain('too few answers to show');

    // One withdraws: the publication rests on it, so it is no longer shown anywhere, CSV included.
    const withdraw = await orgs[0]!.put(`/organisation/programmes/${pid}/consent`, { consent: false });
    expect(withdraw.status).toBe(200);
    cohort = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(cohort).toMatchObject({ published: null, withdrawn: true, changes: 1 });
    expect(allHidden(cohort)).toBe(true);
    const csvAfter = (await f.request('GET', `/programmes/${pid}/cohort.csv`)).raw.body;
    expect(
      csvAfter
        .split('\r\n')
        .slice(1)
        .every((line) => line.includes('too few answers to show')),
    ).toBe(true);
  });

  it('hides a filtered row when the rest of the cohort could be derived by subtraction', async () => {
    const f = await facilitator();
    const { pid, link } = await programme(f, 'Filters');
    for (let i = 0; i < 7; i++) await join(await assessedOrganisation('wise', { complementarity: 4 }), link);
    for (let i = 0; i < 3; i++)
      await join(await assessedOrganisation('regular-company', { complementarity: 2 }), link);
    expect((await f.post(`/programmes/${pid}/cohort/publications`)).status).toBe(201);
    const all = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(row(all, 'complementarity').n).toBe(10);
    // WISEs alone are 7, but showing them would reveal the 3 companies by subtraction.
    expect(row((await f.get(`/programmes/${pid}/cohort?type=wise`)).body, 'complementarity').n).toBeNull();
    expect(
      row((await f.get(`/programmes/${pid}/cohort?type=regular-company`)).body, 'complementarity').n,
    ).toBeNull();
  });

  it('red team: two filtered charts never differ by a group under five (issue 9, point 2)', async () => {
    const f = await facilitator();
    const { pid, link } = await programme(f, 'Twee filters');
    for (let i = 0; i < 6; i++) await join(await assessedOrganisation('wise', { complementarity: 4 }), link);
    const late = await assessedOrganisation('wise', { complementarity: 1 });
    await join(late, link);
    for (let i = 0; i < 5; i++)
      await join(await assessedOrganisation('regular-company', { complementarity: 3 }), link);
    // One WISE's self-assessment was revealed last year: the period filter sets it apart from the other six.
    const year = new Date().getUTCFullYear();
    await t.database.db.execute(sql`
      update rounds set assessment_revealed_at = assessment_revealed_at - interval '1 year'
       where id in (select round_id from round_participation rp join memberships m on m.organisation_id = rp.organisation_id
                     where m.user_id = ${late.userId!} and rp.assessment_submitted_at is not null)`);
    expect((await f.post(`/programmes/${pid}/cohort/publications`)).status).toBe(201);
    const queries = [
      '',
      'type=wise',
      `period=${year}`,
      `period=${year - 1}`,
      `type=wise&period=${year}`,
      `type=wise&period=${year - 1}`,
    ];
    const n = Object.fromEntries(
      await Promise.all(
        queries.map(async (q) => [
          q,
          row((await f.get(`/programmes/${pid}/cohort?${q}`)).body, 'complementarity').n,
        ]),
      ),
    ) as Record<string, number | null>;
    // type=wise (n = 7) minus type=wise&period=this year (n = 6) would be last year's organisation.
    expect(n['type=wise']).toBe(7);
    expect(n[`type=wise&period=${year}`]).toBeNull();
    const nested: [string, string][] = [
      ['', 'type=wise'],
      ['', `period=${year}`],
      ['', `period=${year - 1}`],
      ['type=wise', `type=wise&period=${year}`],
      ['type=wise', `type=wise&period=${year - 1}`],
      [`period=${year}`, `type=wise&period=${year}`],
      [`period=${year - 1}`, `type=wise&period=${year - 1}`],
    ];
    for (const [outer, inner] of nested) {
      const [a, b] = [n[outer], n[inner]];
      if (a != null && b != null) expect(a - b === 0 || a - b >= 5, `${outer} − ${inner}`).toBe(true);
    }
  });

  // Issue 10, point 7: a self-assessment counts once it is revealed, and one per organisation per collaboration.
  it('counts only revealed self-assessments, the latest per organisation and collaboration', async () => {
    const f = await facilitator();
    const { pid, link } = await programme(f, 'Laatste telt');
    const orgs: Client[] = [];
    for (let i = 0; i < 5; i++) {
      const org = await assessedOrganisation('wise', { complementarity: 2 });
      orgs.push(org);
      await join(org, link);
    }
    // Submitted but not revealed: not counted.
    await join(await assessedOrganisation('wise', { complementarity: 5 }, 1, false), link);
    expect((await f.get(`/programmes/${pid}/cohort`)).body.changes).toBe(5);
    expect((await f.post(`/programmes/${pid}/cohort/publications`)).status).toBe(201);
    expect(row((await f.get(`/programmes/${pid}/cohort`)).body, 'complementarity')).toMatchObject({
      n: 5,
      counts: [0, 5, 0, 0, 0],
    });
    // The same five collaborations a round later: the newer answers replace the older, nobody counts twice.
    for (const org of orgs) {
      const [collaboration] = (await org.get('/collaborations')).body.collaborations;
      const id = collaboration.id as string;
      expect((await org.post(`/collaborations/${id}/submit`)).body.revealed).toBe(true);
      expect((await org.post(`/collaborations/${id}/rounds`)).status).toBe(201);
      await witnessRound(await witnessOf(t.app), id);
      await org.put(`/collaborations/${id}/assessment`, { answers: { [item('complementarity')]: 4 } });
      const submitted = await org.post(`/collaborations/${id}/assessment/submit`);
      expect(submitted.body.round).toMatchObject({ number: 2, revealReason: 'early' });
    }
    expect((await f.post(`/programmes/${pid}/cohort/publications`)).status).toBe(201);
    expect(row((await f.get(`/programmes/${pid}/cohort`)).body, 'complementarity')).toMatchObject({
      n: 5,
      counts: [0, 0, 0, 5, 0],
    });
  });

  it('red team: the chart before and after one consent does not differ (issue 9, point 3)', async () => {
    const f = await facilitator();
    const { pid, link } = await programme(f, 'Over tijd');
    for (let i = 0; i < 5; i++) await join(await assessedOrganisation('wise', { complementarity: 3 }), link);
    expect((await f.post(`/programmes/${pid}/cohort/publications`)).status).toBe(201);
    const before = (await f.get(`/programmes/${pid}/cohort`)).body;
    const newcomer = await assessedOrganisation('wise', { complementarity: 1 });
    await join(newcomer, link);
    const after = (await f.get(`/programmes/${pid}/cohort`)).body;
    expect(after.statements).toEqual(before.statements);
    expect(after.changes).toBe(1);
    // And the newcomer cannot be published on its own; not even 40 tries at once slip one through.
    const tries = await Promise.all(
      Array.from({ length: 40 }, () => f.post(`/programmes/${pid}/cohort/publications`)),
    );
    expect(new Set(tries.map((r) => r.status))).toEqual(new Set([409]));
    expect((await f.get(`/programmes/${pid}/cohort`)).body.published.number).toBe(1);
  });

  it('red team: padding a group with organisations the facilitator created reveals nothing (issue 9, point 4)', async () => {
    const f = await facilitator();
    const { pid, link } = await programme(f, 'Opvulling');
    // The facilitator creates four training centres, answers for them and joins them.
    for (let i = 0; i < 4; i++) {
      expect((await f.post('/organisations', { name: `Nep ${i}`, type: 'training-centre' })).status).toBe(
        201,
      );
      await assess(f, { complementarity: 1 });
      await join(f, link);
    }
    const target = await assessedOrganisation('training-centre', { complementarity: 5 });
    await join(target, link);
    for (let i = 0; i < 8; i++)
      await join(await assessedOrganisation('regular-company', { complementarity: 3 }), link);
    expect((await f.get(`/programmes/${pid}/cohort`)).body.changes).toBe(9);
    expect((await f.post(`/programmes/${pid}/cohort/publications`)).status).toBe(201);
    const centres = (await f.get(`/programmes/${pid}/cohort?type=training-centre`)).body;
    expect(row(centres, 'complementarity').n).toBeNull();
    const all = row((await f.get(`/programmes/${pid}/cohort`)).body, 'complementarity');
    const companies = row(
      (await f.get(`/programmes/${pid}/cohort?type=regular-company`)).body,
      'complementarity',
    );
    // The total may be shown, or the companies, but not both: their difference is four known plus the target.
    expect(all.n !== null && companies.n !== null).toBe(false);
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
    expect((await other.post(`/programmes/${pid}/cohort/publications`)).status).toBe(404);
    expect((await admin.post(`/programmes/${pid}/cohort/publications`)).status).toBe(403);
    expect((await f.post('/programmes', { name: '' })).status).toBe(400);
  });
});
