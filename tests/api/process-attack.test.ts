import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitePartner, signUpWithOrganisation, startTestApp, type TestApp, twoPartners } from './harness.ts';

// Issue 12, as a hostile partner would try it: races, leaving and rejoining, extreme values, other people's ids.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const pair = () => twoPartners(t.app, ['Werkpoort Aanval', 'Bouw Aanval'], 'Aanval op het proces');
type Deliverable = { id: string; version: number; state: string; waitingFor: string[] };
const deliverable = (view: Record<string, unknown>, id: string) =>
  (view.deliverables as Deliverable[]).find((d) => d.id === id)!;

describe('the partnering process under attack', () => {
  it('keeps exactly one of 40 simultaneous saves from the same version, and every version in the history', async () => {
    const { a, b, id } = await pair();
    const saves = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
          baseVersion: 0,
          content: { problem: `Versie ${i}` },
        }),
      ),
    );
    expect(saves.filter((s) => s.status === 200)).toHaveLength(1);
    expect(saves.filter((s) => s.status === 409)).toHaveLength(39);
    expect(saves.every((s) => s.status < 500)).toBe(true);
    const versions = await a.client.get(
      `/collaborations/${id}/process/deliverables/problem-definition/versions`,
    );
    expect(versions.body.versions).toHaveLength(1);
  });

  it('takes 40 simultaneous choices without a 5xx and decides once', async () => {
    const { a, b, id } = await pair();
    const votes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).client.put(`/collaborations/${id}/process/decision`, { decision: 'stop' }),
      ),
    );
    expect(votes.every((v) => v.status === 200 || v.status === 409)).toBe(true);
    const view = (await a.client.get(`/collaborations/${id}/process`)).body;
    expect(view.decision.decided).toBe('stop');
    // Two partners starting the next cycle at once make one cycle, not two.
    const starts = await Promise.all([
      a.client.post(`/collaborations/${id}/process/cycles`, {}),
      b.client.post(`/collaborations/${id}/process/cycles`, {}),
    ]);
    expect(starts.map((s) => s.status).sort()).toEqual([200, 409]);
    expect((await a.client.get(`/collaborations/${id}/process`)).body.cycles).toHaveLength(2);
  });

  it('does not count a leaver’s sign-off, asks a rejoined partner again, and never shows its old check drafts', async () => {
    const { a, b, id } = await pair();
    const c = await signUpWithOrganisation(t.app, 'Gemeente Aanval');
    await invitePartner(a.client, c.client, id);
    await a.client.put(`/collaborations/${id}/process/deliverables/key-impacts`, {
      baseVersion: 0,
      content: { vision: 'Werk voor iedereen' },
    });
    for (const x of [a, b, c])
      await x.client.post(`/collaborations/${id}/process/deliverables/key-impacts/sign-off`, { version: 1 });
    expect(deliverable((await a.client.get(`/collaborations/${id}/process`)).body, 'key-impacts').state).toBe(
      'agreed',
    );
    await c.client.put(`/collaborations/${id}/process/checks/start`, {
      answers: { trust: { rating: 1, note: 'concept van de gemeente voor het vertrek' } },
    });
    await c.client.post(`/collaborations/${id}/leave`);
    const without = (await a.client.get(`/collaborations/${id}/process`)).body;
    expect(deliverable(without, 'key-impacts').state).toBe('agreed');
    // The leaver reads nothing any more.
    expect((await c.client.get(`/collaborations/${id}/process`)).status).toBe(404);
    expect((await c.client.get(`/collaborations/${id}/process/export.json`)).status).toBe(404);

    await invitePartner(a.client, c.client, id);
    const rejoined = (await a.client.get(`/collaborations/${id}/process`)).body;
    // Its old sign-off still counts for the same version: the text did not change while it was away.
    expect(deliverable(rejoined, 'key-impacts').state).toBe('agreed');
    await a.client.post(`/collaborations/${id}/process/checks/start/submit`);
    await b.client.post(`/collaborations/${id}/process/checks/start/submit`);
    // Until the rejoined partner takes part, its draft from before it left is its own, and not revealed.
    const waiting = (await b.client.get(`/collaborations/${id}/process`)).body;
    expect(waiting.checks[0].revealedAt).toBeNull();
    expect(JSON.stringify(waiting)).not.toContain('concept van de gemeente');
    // It sees that draft itself, so choosing to look together now shows what it chose to show.
    expect(JSON.stringify((await c.client.get(`/collaborations/${id}/process`)).body)).toContain(
      'concept van de gemeente',
    );
  });

  it('refuses extreme numbers and dates with a 400 naming the field, and keeps what was saved', async () => {
    const { a, id } = await pair();
    const cases: [string, unknown, string][] = [
      ['measurement-system', { indicators: [{ name: 'x', target: 1e13 }] }, 'content.indicators.0.target'],
      [
        'measurement-system',
        { criteria: [{ indicator: 'x', comparator: 'gte', threshold: 1, byWhen: '0000-01-01' }] },
        'content.criteria.0.byWhen',
      ],
      [
        'implementation-plan',
        { milestones: [{ milestone: 'x', date: '2101-01-01' }] },
        'content.milestones.0.date',
      ],
      ['implementation-plan', { budget: [{ item: 'x', amount: -5 }] }, 'content.budget.0.amount'],
      ['key-impacts', { horizonYears: 1e308 }, 'content.horizonYears'],
      [
        'problem-definition',
        { rootCauses: Array.from({ length: 51 }, (_, i) => `oorzaak ${i}`) },
        'content.rootCauses',
      ],
      ['problem-definition', { problem: 'x'.repeat(4001) }, 'content.problem'],
      ['problem-definition', { problem: 'nul\u0000byte' }, 'content.problem'],
      ['measurement-system', { criteria: [{ id: '../../etc', indicator: 'x' }] }, 'content.criteria.0.id'],
    ];
    for (const [deliverableId, content, field] of cases) {
      const res = await a.client.put(`/collaborations/${id}/process/deliverables/${deliverableId}`, {
        baseVersion: 0,
        content,
      });
      expect(res.status, `${deliverableId} ${JSON.stringify(content).slice(0, 80)}`).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    for (const [startsOn, endsOn, field] of [
      ['0000-01-01', '2026-01-01', 'startsOn'],
      ['2026-01-01', '9999-12-31', 'endsOn'],
      ['2026-05-01', '2026-04-01', 'endsOn'],
    ]) {
      const res = await a.client.post(`/collaborations/${id}/process/pilots`, {
        title: 'x',
        startsOn,
        endsOn,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe(field);
    }
    await a.client.put(`/collaborations/${id}/process/deliverables/measurement-system`, {
      baseVersion: 0,
      content: { criteria: [{ id: 'c1', indicator: 'Geplaatst', comparator: 'gte', threshold: 5 }] },
    });
    // NaN and Infinity are not JSON: they arrive as null, which clears a value, as it should.
    for (const value of [1e13, -1e13, '5', true, { v: 1 }]) {
      const res = await a.client.put(`/collaborations/${id}/process/measurements/c1`, { value });
      expect(res.status, String(value)).toBe(400);
    }
    const view = (await a.client.get(`/collaborations/${id}/process`)).body;
    expect(
      view.deliverables.filter((d: { version: number }) => d.version > 0).map((d: { id: string }) => d.id),
    ).toEqual(['measurement-system']);
    expect(view.pilots).toEqual([]);
    expect(view.criteria[0].measured).toBeNull();
  });

  it('never lets a partner touch another collaboration through its own', async () => {
    const one = await pair();
    const two = await twoPartners(t.app, ['Werkpoort Ander', 'Bouw Ander'], 'Andere samenwerking');
    const pilot = await two.a.client.post(`/collaborations/${two.id}/process/pilots`, {
      title: 'Van een ander',
      startsOn: '2026-01-01',
      endsOn: '2026-04-01',
    });
    const pilotId = pilot.body.pilots[0].id;
    expect(
      (
        await one.a.client.patch(`/collaborations/${one.id}/process/pilots/${pilotId}`, {
          results: 'gekaapt',
        })
      ).status,
    ).toBe(404);
    expect((await one.a.client.delete(`/collaborations/${one.id}/process/pilots/${pilotId}`)).status).toBe(
      404,
    );
    expect(
      (await one.a.client.patch(`/collaborations/${two.id}/process/pilots/${pilotId}`, { results: 'x' }))
        .status,
    ).toBe(404);
    const still = (await two.b.client.get(`/collaborations/${two.id}/process`)).body.pilots[0];
    expect(still.results).toBeNull();
    // An organisation of another collaboration cannot be named as backbone.
    const foreign = await one.a.client.put(
      `/collaborations/${one.id}/process/deliverables/project-organisation`,
      {
        baseVersion: 0,
        content: { roles: [{ person: 'x', organisation: two.b.organisationId, role: 'champion' }] },
      },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].field).toBe('content.roles.0.organisation');
  });
});
