import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  invitePartner,
  pdfText,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
  twoPartners,
} from './harness.ts';

// Issue 12 as a hostile partner and a newcomer would try it: other collaborations' ids, archived and left
// collaborations, what the screen gives away about unrevealed checks, junk files to import, races, and the
// decision of partners of whom one leaves. (process.test.ts and process-attack.test.ts cover the rest.)
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Response = Awaited<ReturnType<Client['get']>>;
type Deliverable = { id: string; version: number; state: string; waitingFor: string[]; signOffs: unknown[] };
const deliverable = (view: Record<string, unknown>, id: string) =>
  (view.deliverables as Deliverable[]).find((d) => d.id === id)!;
const fields = (res: Response): string[] =>
  (res.body?.error?.details ?? []).map((d: { field: string }) => d.field);
/** Every answer below 500, and every 400 names the field in error. */
function sane(res: Response, label: string) {
  expect(res.status, `${label}: ${res.raw.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.status === 400) expect(fields(res).length, `${label} names no field`).toBeGreaterThan(0);
}
const rawJson = (client: Client, method: 'POST' | 'PUT', url: string, text: string) =>
  client.request(method, url, text, { headers: { 'content-type': 'application/json' } });
const UUID = '00000000-0000-4000-8000-000000000000';

describe('reading what is not yours', () => {
  it('answers 404 for another collaboration, a guessed id or cycle, and 400 naming the field for nonsense', async () => {
    const one = await twoPartners(t.app, ['Werkpoort Gast', 'Bouw Gast'], 'Eigen proces');
    const two = await twoPartners(t.app, ['Werkpoort Doel', 'Bouw Doel'], 'Doelwit');
    await two.a.client.put(`/collaborations/${two.id}/process/deliverables/problem-definition`, {
      baseVersion: 0,
      content: { problem: 'Geheim probleem van een ander' },
    });
    const paths = [
      'process',
      'process?cycle=1',
      'process/deliverables/problem-definition/versions',
      'process/deliverables/problem-definition/versions?cycle=1',
      'process/export.json',
      'process/export.json?cycle=1',
      'process/export.pdf?lang=en',
      'process/export.pdf?cycle=1',
    ];
    for (const id of [two.id, UUID]) {
      for (const path of paths) {
        const res = await one.a.client.get(`/collaborations/${id}/${path}`);
        expect(res.status, path).toBe(404);
        expect(res.raw.body).not.toContain('Geheim probleem');
      }
      // Writing through a guessed id is just as unknown.
      const writes = [
        one.a.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
          baseVersion: 1,
          content: { problem: 'overschreven' },
        }),
        one.a.client.post(`/collaborations/${id}/process/deliverables/problem-definition/sign-off`, {
          version: 1,
        }),
        one.a.client.post(`/collaborations/${id}/process/import`, {
          format: 'impact-wheel/partnering-process',
          version: 1,
          cycles: [{ number: 1, deliverables: { 'key-impacts': { content: { vision: 'x' } } } }],
        }),
        one.a.client.put(`/collaborations/${id}/process/decision`, { decision: 'stop' }),
        one.a.client.post(`/collaborations/${id}/process/cycles`, { openRound: true }),
      ];
      for (const res of await Promise.all(writes)) expect(res.status).toBe(404);
    }
    const still = (await two.b.client.get(`/collaborations/${two.id}/process`)).body;
    expect(deliverable(still, 'problem-definition').version).toBe(1);
    expect(deliverable(still, 'key-impacts').version).toBe(0);
    expect(still.decision.votes).toEqual([]);

    const notAnId = await one.a.client.get('/collaborations/1%20or%201=1/process');
    expect(notAnId.status).toBe(400);
    expect(fields(notAnId)).toContain('id');
    const notADeliverable = await one.a.client.get(
      `/collaborations/${one.id}/process/deliverables/__proto__/versions`,
    );
    expect(notADeliverable.status).toBe(400);
    expect(fields(notADeliverable)).toContain('deliverableId');

    // Cycle numbers a person would never type: 400 naming `cycle`, never a 500 from the database.
    for (const cycle of [
      '0',
      '-1',
      '2147483648',
      '1e309',
      'abc',
      '1.5',
      '',
      '%00',
      '1&cycle=2',
      'Infinity',
    ]) {
      for (const path of [
        'process',
        'process/deliverables/key-impacts/versions',
        'process/export.json',
        'process/export.pdf',
      ]) {
        const res = await one.a.client.get(`/collaborations/${one.id}/${path}?cycle=${cycle}`);
        expect(res.status, `${path}?cycle=${cycle}`).toBe(400);
        expect(fields(res), `${path}?cycle=${cycle}`).toContain('cycle');
      }
    }
    for (const path of [
      'process',
      'process/deliverables/key-impacts/versions',
      'process/export.json',
      'process/export.pdf',
    ]) {
      expect((await one.a.client.get(`/collaborations/${one.id}/${path}?cycle=2147483647`)).status).toBe(404);
      expect((await one.a.client.get(`/collaborations/${one.id}/${path}?cycle=2`)).status).toBe(404);
    }
    const lang = await one.a.client.get(`/collaborations/${one.id}/process/export.pdf?lang=fr`);
    expect(lang.status).toBe(400);
    expect(fields(lang)).toContain('lang');
  });

  it('lets a member act for its organisation (one sign-off per organisation), and nobody else', async () => {
    const { a, b, id } = await pair();
    const member = await addMember(t.app, a.client, 'member');
    const saved = await member.put(`/collaborations/${id}/process/deliverables/key-impacts`, {
      baseVersion: 0,
      content: { vision: 'Door een medewerker geschreven' },
    });
    expect(saved.status).toBe(200);
    // The admin and the member of one organisation at once: one sign-off, the organisation's.
    const both = await Promise.all([
      member.post(`/collaborations/${id}/process/deliverables/key-impacts/sign-off`, { version: 1 }),
      a.client.post(`/collaborations/${id}/process/deliverables/key-impacts/sign-off`, { version: 1 }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const view = (await b.client.get(`/collaborations/${id}/process`)).body;
    expect(deliverable(view, 'key-impacts').signOffs).toHaveLength(1);
    expect(deliverable(view, 'key-impacts').waitingFor).toEqual([b.organisationId]);
    // A member cannot take the organisation out of the collaboration, and an admin of another organisation cannot
    // withdraw A's sign-off: withdrawing only ever touches your own.
    expect((await member.post(`/collaborations/${id}/leave`)).status).toBe(403);
    await b.client.delete(`/collaborations/${id}/process/deliverables/key-impacts/sign-off`);
    expect(
      deliverable((await member.get(`/collaborations/${id}/process`)).body, 'key-impacts').signOffs,
    ).toHaveLength(1);
    // A member of an organisation that is no partner reads nothing.
    const outsider = await signUpWithOrganisation(t.app, 'Buiten Lid');
    const outsiderMember = await addMember(t.app, outsider.client, 'member');
    expect((await outsiderMember.get(`/collaborations/${id}/process`)).status).toBe(404);
  });
});

const pair = () => twoPartners(t.app, ['Werkpoort Vijand', 'Bouw Vijand'], 'Vijandig proces');
const threePartners = async () => {
  const { a, b, id } = await pair();
  const c = await signUpWithOrganisation(t.app, 'Gemeente Vijand');
  await invitePartner(a.client, c.client, id);
  return { a, b, c, id };
};

/** Every write of the process, with a body that would be accepted in an open collaboration. */
function everyWrite(client: Client, id: string, pilotId: string, criterionId: string) {
  const p = `/collaborations/${id}/process`;
  return [
    [
      'save',
      () => client.put(`${p}/deliverables/key-impacts`, { baseVersion: 1, content: { vision: 'Nieuw' } }),
    ],
    [
      'save empty',
      () => client.put(`${p}/deliverables/actors-map`, { baseVersion: 0, content: { actors: [] } }),
    ],
    ['sign off', () => client.post(`${p}/deliverables/key-impacts/sign-off`, { version: 1 })],
    ['withdraw sign-off', () => client.delete(`${p}/deliverables/key-impacts/sign-off`)],
    ['save checks', () => client.put(`${p}/checks/start`, { answers: { trust: { rating: 2 } } })],
    ['submit checks', () => client.post(`${p}/checks/start/submit`)],
    ['reveal early', () => client.post(`${p}/checks/before-scale/reveal-early`)],
    [
      'plan a pilot',
      () => client.post(`${p}/pilots`, { title: 'Nog een', startsOn: '2026-01-01', endsOn: '2026-02-01' }),
    ],
    ['change a pilot', () => client.patch(`${p}/pilots/${pilotId}`, { results: 'Gelukt' })],
    ['remove a pilot', () => client.delete(`${p}/pilots/${pilotId}`)],
    ['measure', () => client.put(`${p}/measurements/${criterionId}`, { value: 3 })],
    ['vote', () => client.put(`${p}/decision`, { decision: 'adjust' })],
    ['withdraw vote', () => client.delete(`${p}/decision`)],
    ['new cycle', () => client.post(`${p}/cycles`, { openRound: true })],
    [
      'import',
      () =>
        client.post(`${p}/import`, {
          format: 'impact-wheel/partnering-process',
          version: 1,
          cycles: [{ number: 1, deliverables: { 'scaling-plan': { content: { talent: 'x' } } } }],
        }),
    ],
  ] as const;
}

describe('an archived collaboration', () => {
  it('answers every process write with 409 archived and changes nothing; every read still works', async () => {
    const { a, b, id } = await pair();
    const p = `/collaborations/${id}/process`;
    await a.client.put(`${p}/deliverables/key-impacts`, {
      baseVersion: 0,
      content: { vision: 'Voor het archief' },
    });
    const measured = await a.client.put(`${p}/deliverables/measurement-system`, {
      baseVersion: 0,
      content: { criteria: [{ id: 'c1', indicator: 'Geplaatst', comparator: 'gte', threshold: 5 }] },
    });
    expect(measured.status).toBe(200);
    const pilot = await b.client.post(`${p}/pilots`, {
      title: 'Proef',
      startsOn: '2026-01-01',
      endsOn: '2026-03-01',
    });
    const pilotId = pilot.body.pilots[0].id as string;
    await b.client.put(`${p}/decision`, { decision: 'scale' });
    // The wheel's round 1 revealed, so a new cycle with openRound would open round 2.
    await a.client.post(`/collaborations/${id}/submit`);
    await b.client.post(`/collaborations/${id}/submit`);

    const before = (await b.client.get(p)).body;
    expect((await a.client.post(`/collaborations/${id}/archive`)).status).toBe(200);

    for (const who of [a.client, b.client])
      for (const [label, write] of everyWrite(who, id, pilotId, 'c1')) {
        const res = await write();
        expect(res.status, label).toBe(409);
        expect(res.body.error.code, label).toBe('archived');
      }
    const member = await addMember(t.app, b.client, 'member');
    for (const [label, write] of everyWrite(member, id, pilotId, 'c1')) {
      const res = await write();
      expect([res.status, res.body.error.code], label).toEqual([409, 'archived']);
    }

    const after = await b.client.get(p);
    expect(after.status).toBe(200);
    expect(after.body.cycle).toMatchObject({ number: 1, current: true, editable: false });
    expect(after.body.checks.map((c: { editable: boolean }) => c.editable)).toEqual([false, false]);
    expect(after.body.deliverables).toEqual(before.deliverables);
    expect(after.body.pilots).toEqual(before.pilots);
    expect(after.body.criteria).toEqual(before.criteria);
    expect(after.body.decision).toEqual(before.decision);
    expect(after.body.cycles).toHaveLength(1);
    // No wheel round was opened for the refused cycle.
    expect((await a.client.get(`/collaborations/${id}`)).body.rounds).toHaveLength(1);
    for (const path of [
      'process?cycle=1',
      'process/deliverables/key-impacts/versions',
      'process/export.json',
      'process/export.pdf?lang=en',
    ]) {
      const res = await a.client.get(`/collaborations/${id}/${path}`);
      expect(res.status, path).toBe(200);
    }
  });

  it('opens the process of an archived collaboration that never had one, to read', async () => {
    const { a, b, id } = await pair();
    expect((await a.client.post(`/collaborations/${id}/archive`)).status).toBe(200);
    const view = await b.client.get(`/collaborations/${id}/process`);
    expect(view.status).toBe(200);
    expect(view.body.cycle).toMatchObject({ number: 1, editable: false });
    const json = await b.client.get(`/collaborations/${id}/process/export.json`);
    expect(json.status).toBe(200);
    expect(json.body.cycles).toHaveLength(1);
  });
});

describe('a partner that left', () => {
  it('reads and writes nothing of the process any more, not even of earlier cycles', async () => {
    const { a, b, c, id } = await threePartners();
    const p = `/collaborations/${id}/process`;
    await c.client.put(`${p}/deliverables/problem-definition`, {
      baseVersion: 0,
      content: { problem: 'Van C' },
    });
    expect((await c.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    for (const path of [
      'process',
      'process?cycle=1',
      'process/deliverables/problem-definition/versions',
      'process/deliverables/problem-definition/versions?cycle=1',
      'process/export.json?cycle=1',
      'process/export.pdf',
      'process/export.pdf?lang=en&cycle=1',
    ]) {
      const res = await c.client.get(`/collaborations/${id}/${path}`);
      expect(res.status, path).toBe(404);
      expect(res.raw.body).not.toContain('Van C');
    }
    for (const [label, write] of everyWrite(c.client, id, UUID, 'c1')) {
      const res = await write();
      expect(res.status, label).toBe(404);
    }
    // What it wrote while a partner stays, as part of the history; the others carry on.
    const versions = await b.client.get(`${p}/deliverables/problem-definition/versions`);
    expect(versions.body.versions).toHaveLength(1);
    expect(versions.body.versions[0].organisationId).toBe(c.organisationId);
    const signed = await a.client.post(`${p}/deliverables/problem-definition/sign-off`, { version: 1 });
    expect(signed.status).toBe(200);
    expect(deliverable(signed.body, 'problem-definition').waitingFor).toEqual([b.organisationId]);
  });
});

describe('unrevealed checks', () => {
  it('tell a partner only who submitted or chose to look: the view, the versions, both exports and the data export are otherwise the same', async () => {
    const { a, b, id } = await pair();
    const p = `/collaborations/${id}/process`;
    await b.client.put(`${p}/deliverables/problem-definition`, {
      baseVersion: 0,
      content: { problem: 'Gedeeld' },
    });
    await b.client.put(`${p}/deliverables/measurement-system`, {
      baseVersion: 0,
      content: { criteria: [{ id: 'c1', indicator: 'Geplaatst', comparator: 'gte', threshold: 5 }] },
    });
    const seenBy = async (client: Client) => {
      const view = (await client.get(p)).body;
      const json = (await client.get(`${p}/export.json`)).body;
      delete json.exportedAt;
      const pdf = pdfText((await client.get(`${p}/export.pdf?lang=en`)).raw.rawPayload);
      const versions = [];
      for (const d of ['problem-definition', 'measurement-system', 'key-impacts'])
        versions.push((await client.get(`${p}/deliverables/${d}/versions`)).body);
      const zip = (await client.get('/organisation/export.zip')).raw.rawPayload;
      const files = Object.fromEntries(
        Object.entries(unzipSync(new Uint8Array(zip))).map(([n, f]) => [n, strFromU8(f)]),
      );
      const collaboration = JSON.parse(files['organisation.json']!).collaborations.find(
        (c: { collaboration: { id: string } }) => c.collaboration.id === id,
      );
      return { view, json, pdf, versions, files, process: collaboration.process };
    };
    const withoutStatus = (view: Record<string, unknown>) => ({
      ...view,
      checks: (view.checks as { status: unknown }[]).map(({ status: _status, ...rest }) => rest),
    });
    const before = await seenBy(b.client);

    const secret = 'GEHEIME-NOTITIE-VAN-A';
    await a.client.put(`${p}/checks/start`, {
      answers: {
        trust: { rating: 1, note: secret },
        urgency: { rating: 4, note: `${secret}-2` },
        'multiple-sectors': { rating: 2 },
      },
    });
    await a.client.post(`${p}/checks/start/submit`, {
      answers: { resources: { rating: 1, note: `${secret}-3` } },
    });
    await a.client.put(`${p}/checks/before-scale`, {
      answers: { 'legitimacy-and-champion': { rating: 3, note: `${secret}-4` } },
    });
    await a.client.post(`${p}/checks/before-scale/reveal-early`);
    // A's own view holds its answers: the test would prove nothing if they were not saved.
    expect(JSON.stringify((await a.client.get(p)).body)).toContain(`${secret}-4`);

    const after = await seenBy(b.client);
    expect(after.view.checks.map((c: { status: unknown }) => c.status)).toEqual([
      [
        { organisationId: a.organisationId, submitted: true, earlyReveal: false },
        { organisationId: b.organisationId, submitted: false, earlyReveal: false },
      ],
      [
        { organisationId: a.organisationId, submitted: false, earlyReveal: true },
        { organisationId: b.organisationId, submitted: false, earlyReveal: false },
      ],
    ]);
    expect(withoutStatus(after.view)).toEqual(withoutStatus(before.view));
    expect(
      after.view.checks.every(
        (c: { answers: unknown[]; outcome: unknown }) => !c.answers.length && !c.outcome,
      ),
    ).toBe(true);
    expect(after.json).toEqual(before.json);
    expect(after.json.cycles[0].checks).toEqual([]);
    expect(after.pdf).toEqual(before.pdf);
    expect(after.versions).toEqual(before.versions);
    expect(after.process.cycles[0].checks).toEqual([]);
    for (const text of [
      JSON.stringify(after.view),
      JSON.stringify(after.json),
      after.pdf,
      ...Object.values(after.files),
    ])
      expect(text).not.toContain(secret);

    // B's own drafts change nothing A can see either, and the reveal shows both.
    await b.client.put(`${p}/checks/start`, { answers: { trust: { rating: 4, note: 'B-CONCEPT' } } });
    expect(JSON.stringify((await a.client.get(p)).body)).not.toContain('B-CONCEPT');
    const revealed = await b.client.post(`${p}/checks/start/submit`);
    const start = revealed.body.checks.find((c: { moment: string }) => c.moment === 'start');
    expect(start.revealedAt).not.toBeNull();
    expect(JSON.stringify(start)).toContain(secret);
    expect(JSON.stringify(start)).toContain('B-CONCEPT');
  });

  it('refuses answers outside the scale or criteria, naming the field', async () => {
    const { a, id } = await pair();
    const p = `/collaborations/${id}/process`;
    const cases: [string, unknown, string][] = [
      ['checks/start', { answers: { trust: { rating: 5 } } }, 'answers.trust.rating'],
      ['checks/start', { answers: { trust: { rating: 0 } } }, 'answers.trust.rating'],
      ['checks/start', { answers: { trust: { rating: 2.5 } } }, 'answers.trust.rating'],
      ['checks/start', { answers: { trust: { rating: '4' } } }, 'answers.trust.rating'],
      ['checks/start', { answers: { trust: { rating: 3, note: 'x'.repeat(2001) } } }, 'answers.trust.note'],
      ['checks/start', { answers: { koffie: { rating: 3 } } }, 'answers'],
      ['checks/start', { answers: [] }, 'answers'],
      ['checks/later', { answers: {} }, 'moment'],
    ];
    for (const [path, body, field] of cases) {
      const res = await a.client.put(`${p}/${path}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        fields(res).some((f) => f.startsWith(field)),
        `${JSON.stringify(body)} → ${fields(res)}`,
      ).toBe(true);
    }
    const view = (await a.client.get(p)).body;
    expect(view.checks[0].answers).toEqual([]);
  });
});

const template = (deliverables: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  format: 'impact-wheel/partnering-process',
  version: 1,
  cycles: [{ number: 1, deliverables }],
  ...extra,
});

describe('importing a hostile file', () => {
  it('refuses junk with a 4xx naming the field, imports nothing of a refused file, and pollutes nothing', async () => {
    const { a, b, id } = await pair();
    const url = `/collaborations/${id}/process/import`;
    const good = { 'problem-definition': { content: { problem: 'Uit het sjabloon' } } };

    // A 50 MB file is refused before it is read.
    const huge = await rawJson(
      a.client,
      'POST',
      url,
      JSON.stringify(template(good, { junk: 'x'.repeat(50 * 1024 * 1024) })),
    );
    expect(huge.status).toBe(413);
    expect(fields(huge)).toContain('body');

    const refused: [string, unknown, string][] = [
      ['no cycles', template(good, { cycles: [] }), 'cycles'],
      ['cycle 0', template(good, { cycles: [{ number: 0, deliverables: good }] }), 'cycles.0.number'],
      ['no deliverables', template(good, { cycles: [{ number: 1 }] }), 'cycles.0.deliverables'],
      [
        'unknown deliverable',
        template({ ...good, koffie: { content: { sterk: true } } }),
        'cycles.0.deliverables.koffie',
      ],
      [
        'prototype names',
        template({ ...good, constructor: { content: {} } }),
        'cycles.0.deliverables.constructor',
      ],
      [
        'inherited names',
        template({ toString: { content: {} }, hasOwnProperty: { content: null } }),
        'cycles.0.deliverables.toString',
      ],
      [
        'unknown field',
        template({ 'key-impacts': { content: { constructor: 'x' } } }),
        'cycles.0.deliverables.key-impacts.content.constructor',
      ],
      [
        'text content',
        template({ 'key-impacts': { content: 'visie' } }),
        'cycles.0.deliverables.key-impacts.content',
      ],
      ['no content', template({ 'key-impacts': {} }), 'cycles.0.deliverables.key-impacts.content'],
      [
        'bad row id',
        template({ 'measurement-system': { content: { criteria: [{ id: '__proto__/..', threshold: 1 }] } } }),
        'cycles.0.deliverables.measurement-system.content.criteria.0.id',
      ],
      [
        'a later cycle',
        template(
          {},
          {
            cycles: [
              { number: 1, deliverables: good },
              { number: 2, deliverables: { 'key-impacts': { content: { horizonYears: 99 } } } },
            ],
          },
        ),
        'cycles.1.deliverables.key-impacts.content.horizonYears',
      ],
      ['wrong version', { ...template(good), version: 2 }, 'version'],
      ['an array', [template(good)], 'body'],
    ];
    for (const [label, body, field] of refused) {
      const res = await a.client.post(url, body);
      expect(res.status, label).toBe(400);
      expect(fields(res), label).toContain(field);
    }

    // Prototype keys as they arrive on the wire: refused as the JSON they are, naming the body.
    for (const text of [
      JSON.stringify(template(good)).replace('"problem":', '"__proto__":{"polluted":"ja"},"problem":'),
      `{"__proto__":{"polluted":"ja"},${JSON.stringify(template(good)).slice(1)}`,
      JSON.stringify(template(good)).replace(
        '"problem-definition":',
        '"constructor":{"prototype":{"polluted":"ja"}},"problem-definition":',
      ),
    ]) {
      const res = await rawJson(a.client, 'POST', url, text);
      sane(res, text.slice(0, 60));
      expect(res.status).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');

    // Half a megabyte of nesting where the format lets anything through, and where it does not.
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const nestedExtra = await rawJson(
      a.client,
      'POST',
      url,
      `${JSON.stringify(template({})).slice(0, -1)},"junk":${deep}}`,
    );
    sane(nestedExtra, 'nested junk beside the cycles');
    const nestedContent = await rawJson(
      a.client,
      'POST',
      url,
      JSON.stringify(template({ 'key-impacts': { content: { vision: '@' } } })).replace('"@"', deep),
    );
    sane(nestedContent, 'nested junk as a field');
    expect(nestedContent.status).toBe(400);
    expect(fields(nestedContent)).toContain('cycles.0.deliverables.key-impacts.content.vision');
    const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`veld${i}`, i]));
    const wideContent = await a.client.post(url, template({ 'key-impacts': { content: wide } }));
    expect(wideContent.status).toBe(400);
    expect(fields(wideContent)[0]).toMatch(/^cycles\.0\.deliverables\.key-impacts\.content\.veld/);

    const view = (await b.client.get(`/collaborations/${id}/process`)).body;
    expect(view.deliverables.filter((d: { version: number }) => d.version > 0)).toEqual([]);
  });

  it('gives duplicated criterion ids their own, and measures each apart', async () => {
    const { a, id } = await pair();
    const p = `/collaborations/${id}/process`;
    const imported = await a.client.post(
      `${p}/import`,
      template({
        'measurement-system': {
          content: {
            criteria: [
              { id: 'dubbel', indicator: 'Geplaatst', comparator: 'gte', threshold: 10 },
              { id: 'dubbel', indicator: 'Behouden', comparator: 'gte', threshold: 5 },
            ],
          },
        },
        'project-organisation': {
          content: { backbone: UUID, roles: [{ person: 'Sanne', organisation: UUID }] },
        },
      }),
    );
    expect(imported.status).toBe(200);
    expect(imported.body.imported.sort()).toEqual(['measurement-system', 'project-organisation']);
    const view = (await a.client.get(p)).body;
    const ids = view.criteria.map((c: { id: string }) => c.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toBe('dubbel');
    // Another collaboration's organisation never comes along, not even an unknown one.
    expect(deliverable(view, 'project-organisation')).toMatchObject({ state: 'draft' });
    expect(JSON.stringify(view)).not.toContain(UUID);
    await a.client.put(`${p}/measurements/dubbel`, { value: 12 });
    const measured = await a.client.put(`${p}/measurements/${ids[1]}`, { value: 1 });
    expect(measured.body.criteria.map((c: { result: string }) => c.result)).toEqual(['met', 'not-met']);
    expect(measured.body.decision.suggestion).toBe('adjust');
  });
});

describe('versions under pressure', () => {
  it('races 40 sign-offs and 40 saves from different versions into one unbroken history', async () => {
    const { a, b, id } = await pair();
    const p = `/collaborations/${id}/process/deliverables/problem-definition`;
    await a.client.put(p, { baseVersion: 0, content: { problem: 'Versie 1' } });
    const member = await addMember(t.app, b.client, 'member');
    const clients = [a.client, b.client, member];
    const requests = Array.from({ length: 80 }, (_, i) =>
      i % 2
        ? clients[i % 3]!.post(`${p}/sign-off`, { version: 1 }).then((res) => ({
            kind: 'sign-off',
            base: 1,
            res,
          }))
        : clients[i % 3]!.put(p, { baseVersion: (i / 2) % 4, content: { problem: `Race ${i}` } }).then(
            (res) => ({ kind: 'save', base: (i / 2) % 4, res }),
          ),
    );
    const answers = await Promise.all(requests);
    for (const { kind, res } of answers) {
      expect([200, 409], `${kind} ${res.status} ${res.raw.body.slice(0, 200)}`).toContain(res.status);
      if (res.status === 409)
        expect(fields(res), kind).toContain(kind === 'save' ? 'baseVersion' : 'version');
    }
    const saved = answers.filter((x) => x.kind === 'save' && x.res.status === 200).map((x) => x.base);
    // Each version was the base of exactly one save: 1, then 2, and so on, never two from the same.
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect([...saved].sort()).toEqual(Array.from({ length: saved.length }, (_, i) => i + 1));
    const view = (await b.client.get(`/collaborations/${id}/process`)).body;
    const d = deliverable(view, 'problem-definition');
    expect(d.version).toBe(1 + saved.length);
    // Sign-offs of version 1 no longer count once a later version exists.
    expect(d).toMatchObject({ state: 'draft', signOffs: [] });
    expect(d.waitingFor.sort()).toEqual([a.organisationId, b.organisationId].sort());
    const versions = (await a.client.get(`${p}/versions`)).body.versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: 1 + saved.length }, (_, i) => saved.length + 1 - i),
    );
  });

  it('refuses sign-offs of version 0, of a version not written yet and of an empty deliverable', async () => {
    const { a, id } = await pair();
    const p = `/collaborations/${id}/process/deliverables`;
    const empty = await a.client.post(`${p}/key-impacts/sign-off`, { version: 1 });
    expect([empty.status, empty.body.error.code]).toEqual([409, 'nothing_to_agree']);
    await a.client.put(`${p}/key-impacts`, { baseVersion: 0, content: { vision: 'Een' } });
    for (const version of [0, -1, 1.5, '1', null, 2147483648, Number.POSITIVE_INFINITY]) {
      const res = await a.client.post(`${p}/key-impacts/sign-off`, { version });
      expect(res.status, String(version)).toBe(400);
      expect(fields(res), String(version)).toContain('version');
    }
    for (const version of [2, 2147483647]) {
      const res = await a.client.post(`${p}/key-impacts/sign-off`, { version });
      expect(res.status, String(version)).toBe(409);
      expect(fields(res)).toEqual(['version']);
    }
    for (const baseVersion of [-1, 0.5, '1', 2147483648]) {
      const res = await a.client.put(`${p}/key-impacts`, { baseVersion, content: { vision: 'Twee' } });
      expect(res.status, String(baseVersion)).toBe(400);
      expect(fields(res)).toContain('baseVersion');
    }
    const ahead = await a.client.put(`${p}/key-impacts`, { baseVersion: 7, content: { vision: 'Twee' } });
    expect(ahead.status).toBe(409);
    expect(fields(ahead)).toEqual(['baseVersion']);
    const view = (await a.client.get(`/collaborations/${id}/process`)).body;
    expect(deliverable(view, 'key-impacts')).toMatchObject({ version: 1, signOffs: [] });
  });
});

describe('go/no-go criteria that change', () => {
  it('refuses to measure a criterion no longer in the measurement system, and its old value does not count', async () => {
    const { a, b, id } = await pair();
    const p = `/collaborations/${id}/process`;
    const both = {
      criteria: [
        { id: 'c1', indicator: 'Geplaatst', comparator: 'gte', threshold: 10 },
        { id: 'c2', indicator: 'Tevreden', comparator: 'gte', threshold: 1 },
        { id: 'c3', indicator: 'Nog zonder drempel', comparator: 'lt' },
      ],
    };
    await a.client.put(`${p}/deliverables/measurement-system`, { baseVersion: 0, content: both });
    const notMet = await a.client.put(`${p}/measurements/c1`, { value: 2, note: 'te weinig' });
    expect(notMet.body.decision.suggestion).toBe('adjust');
    // A row without a threshold is not a criterion yet: nothing to measure.
    expect((await a.client.put(`${p}/measurements/c3`, { value: 1 })).status).toBe(404);

    const without = await b.client.put(`${p}/deliverables/measurement-system`, {
      baseVersion: 1,
      content: { criteria: [both.criteria[1]] },
    });
    expect(without.body.criteria.map((c: { id: string }) => c.id)).toEqual(['c2']);
    expect(without.body.decision.suggestion).toBeNull();
    const late = await a.client.put(`${p}/measurements/c1`, { value: 20 });
    expect(late.status).toBe(404);
    const met = await a.client.put(`${p}/measurements/c2`, { value: 3 });
    expect(met.body.criteria).toHaveLength(1);
    expect(met.body.decision.suggestion).toBe('scale');
    expect(JSON.stringify(met.body)).not.toContain('te weinig');
    const json = (await a.client.get(`${p}/export.json`)).body;
    expect(JSON.stringify(json)).not.toContain('te weinig');
    for (const criterionId of ['a%20b', 'x'.repeat(41), '..%2F..']) {
      const res = await a.client.put(`${p}/measurements/${criterionId}`, { value: 1 });
      expect(res.status, criterionId).toBe(400);
      expect(fields(res)).toContain('criterionId');
    }
    // Undo brings the row back with its id, and with it the value measured for it (docs/process.md).
    const undone = await a.client.put(`${p}/deliverables/measurement-system`, {
      baseVersion: 2,
      content: both,
    });
    expect(undone.body.criteria.find((c: { id: string }) => c.id === 'c1')).toMatchObject({ measured: 2 });
  });
});

describe('the decision when a partner leaves', () => {
  it('stands once every partner still taking part chose the same, also when the one left waiting leaves', async () => {
    const { a, b, c, id } = await threePartners();
    const p = `/collaborations/${id}/process`;
    await a.client.put(`${p}/decision`, { decision: 'scale', reason: 'Doel gehaald' });
    const waiting = await b.client.put(`${p}/decision`, { decision: 'scale' });
    expect(waiting.body.decision).toMatchObject({ decided: null, waitingFor: [c.organisationId] });
    expect((await a.client.post(`${p}/cycles`, {})).status).toBe(409);

    expect((await c.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    // docs/process.md: the decision stands when every partner organisation (taking part now) chose the same.
    const after = (await a.client.get(p)).body;
    expect(after.decision).toMatchObject({ decided: 'scale', waitingFor: [], differ: false });
    expect(after.decision.decidedAt).not.toBeNull();
    expect(after.cycles[0].decision).toBe('scale');
    expect((await b.client.put(`${p}/decision`, { decision: 'stop' })).status).toBe(409);
    const next = await b.client.post(`${p}/cycles`, {});
    expect(next.status).toBe(200);
    expect(next.body.cycle.number).toBe(2);
  });

  it('is taken whichever comes first, the last choice or the leaving, when they come at once', async () => {
    for (let round = 0; round < 3; round++) {
      const { a, b, c, id } = await threePartners();
      const p = `/collaborations/${id}/process`;
      await a.client.put(`${p}/decision`, { decision: 'scale' });
      const [vote, leave, save] = await Promise.all([
        b.client.put(`${p}/decision`, { decision: 'scale' }),
        c.client.post(`/collaborations/${id}/leave`),
        a.client.put(`${p}/deliverables/key-impacts`, { baseVersion: 0, content: { vision: 'Tegelijk' } }),
      ]);
      expect([vote.status, leave.status, save.status]).toEqual([200, 200, 200]);
      expect((await a.client.get(p)).body.decision.decided).toBe('scale');
    }
  });

  it('is taken by the remaining partners when the one that chose otherwise leaves', async () => {
    const { a, b, c, id } = await threePartners();
    const p = `/collaborations/${id}/process`;
    await a.client.put(`${p}/decision`, { decision: 'adjust' });
    await b.client.put(`${p}/decision`, { decision: 'adjust' });
    const differ = await c.client.put(`${p}/decision`, { decision: 'stop' });
    expect(differ.body.decision).toMatchObject({ decided: null, differ: true, waitingFor: [] });
    await c.client.post(`/collaborations/${id}/leave`);
    expect((await b.client.get(p)).body.decision).toMatchObject({ decided: 'adjust', differ: false });
  });

  it('is never taken by one organisation alone, nor by a leaver’s choice', async () => {
    const { a, b, id } = await pair();
    const p = `/collaborations/${id}/process`;
    await a.client.put(`${p}/decision`, { decision: 'stop' });
    await b.client.post(`/collaborations/${id}/leave`);
    const alone = (await a.client.get(p)).body;
    expect(alone.decision.decided).toBeNull();
    expect((await a.client.post(`${p}/cycles`, {})).status).toBe(409);

    const three = await threePartners();
    const q = `/collaborations/${three.id}/process`;
    await three.c.client.put(`${q}/decision`, { decision: 'stop' });
    await three.a.client.put(`${q}/decision`, { decision: 'stop' });
    await three.c.client.post(`/collaborations/${three.id}/leave`);
    // With c gone, a alone chose; b has not: nothing is decided.
    const view = (await three.b.client.get(q)).body;
    expect(view.decision).toMatchObject({ decided: null, waitingFor: [three.b.organisationId] });
  });

  it('does not decide anything in an archived collaboration a partner leaves', async () => {
    const { a, b, c, id } = await threePartners();
    const p = `/collaborations/${id}/process`;
    await a.client.put(`${p}/decision`, { decision: 'scale' });
    await b.client.put(`${p}/decision`, { decision: 'scale' });
    await a.client.post(`/collaborations/${id}/archive`);
    await c.client.post(`/collaborations/${id}/leave`);
    expect((await a.client.get(p)).body.decision.decided).toBeNull();
  });
});

describe('a new cycle and the wheel round', () => {
  const decided = async () => {
    const { a, b, id } = await pair();
    await a.client.put(`/collaborations/${id}/process/decision`, { decision: 'adjust' });
    await b.client.put(`/collaborations/${id}/process/decision`, { decision: 'adjust' });
    return { a, b, id };
  };
  const rounds = async (client: Client, id: string) =>
    (await client.get(`/collaborations/${id}`)).body.rounds as {
      number: number;
      revealedAt: string | null;
    }[];

  it('follows the open wheel round instead of opening another', async () => {
    const { a, id } = await decided();
    const next = await a.client.post(`/collaborations/${id}/process/cycles`, { openRound: true });
    expect(next.status).toBe(200);
    expect(next.body.cycle).toMatchObject({ number: 2, roundNumber: 1 });
    expect(await rounds(a.client, id)).toHaveLength(1);
  });

  it('opens no wheel round for a cycle it refuses to start', async () => {
    const { a, b, id } = await pair();
    await a.client.post(`/collaborations/${id}/submit`);
    await b.client.post(`/collaborations/${id}/submit`);
    expect((await rounds(a.client, id))[0]!.revealedAt).not.toBeNull();
    const refused = await a.client.post(`/collaborations/${id}/process/cycles`, { openRound: true });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'decision_needed']);
    expect(await rounds(a.client, id)).toHaveLength(1);
    // A member of the partner may start it once decided, and then round 2 opens with cycle 2.
    await a.client.put(`/collaborations/${id}/process/decision`, { decision: 'stop' });
    await b.client.put(`/collaborations/${id}/process/decision`, { decision: 'stop' });
    const member = await addMember(t.app, b.client, 'member');
    const started = await member.post(`/collaborations/${id}/process/cycles`, { openRound: true });
    expect(started.body.cycle).toMatchObject({ number: 2, roundNumber: 2 });
    expect(await rounds(a.client, id)).toHaveLength(2);
  });

  it('makes one cycle and one round of two partners starting at once', async () => {
    const { a, b, id } = await decided();
    await a.client.post(`/collaborations/${id}/submit`);
    await b.client.post(`/collaborations/${id}/submit`);
    const starts = await Promise.all([
      a.client.post(`/collaborations/${id}/process/cycles`, { openRound: true }),
      b.client.post(`/collaborations/${id}/process/cycles`, { openRound: true }),
      a.client.post(`/collaborations/${id}/process/cycles`, { openRound: true }),
    ]);
    for (const s of starts) sane(s, 'start');
    expect(starts.filter((s) => s.status === 200)).toHaveLength(1);
    expect(await rounds(a.client, id)).toHaveLength(2);
    const view = (await b.client.get(`/collaborations/${id}/process`)).body;
    expect(view.cycles).toHaveLength(2);
    expect(view.cycle.roundNumber).toBe(2);
  });
});

describe('a long-lived process', () => {
  it('exports and re-imports more than a hundred cycles', async () => {
    const { a, b, id } = await pair();
    const p = `/collaborations/${id}/process`;
    await a.client.put(`${p}/deliverables/key-impacts`, { baseVersion: 0, content: { vision: 'Blijft' } });
    for (let n = 1; n <= 101; n++) {
      await a.client.put(`${p}/decision`, { decision: 'adjust' });
      await b.client.put(`${p}/decision`, { decision: 'adjust' });
      const next = await a.client.post(`${p}/cycles`, {});
      expect(next.status, `cycle ${n + 1}`).toBe(200);
    }
    const json = await a.client.get(`${p}/export.json`);
    expect(json.status).toBe(200);
    expect(json.body.cycles).toHaveLength(102);
    expect((await a.client.get(`${p}/export.json?cycle=102`)).body.cycles).toHaveLength(1);
    const other = await twoPartners(t.app, ['Werkpoort Erfgenaam', 'Bouw Erfgenaam'], 'Erfgenaam');
    const imported = await other.a.client.post(`/collaborations/${other.id}/process/import`, json.body);
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toEqual(['key-impacts']);
  });
});
