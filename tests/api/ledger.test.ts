import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUpWithOrganisation, startTestApp, type TestApp, twoPartners } from './harness.ts';

// Issue 13, points 1 and 2 (first slice): the indicator library, indicators per collaboration with targets, and
// each partner's values per period, corrections kept.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const pair = () => twoPartners(t.app, ['Werkpoort Ledger', 'Bouw Ledger'], 'Samen tellen');
const thisMonth = () => new Date().toISOString().slice(0, 7);
const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

describe('the impact ledger', () => {
  it('ships a library with one definition per figure and its IRIS+ code', async () => {
    const library = (await new Client(t.app).get('/instrument/indicators')).body.indicators;
    const placed = library.find((i: { id: string }) => i.id === 'people-placed');
    expect(placed).toMatchObject({ level: 'outcome', direction: 'up', kind: 'flow', iris: 'PI3527' });
    expect(placed.definition.nl).toMatch(/betaald werk/);
    expect(library.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([
        'jobs-created-fte',
        'people-in-training',
        'retained-12m',
        'social-procurement',
      ]),
    );
  });

  it('adds the partners’ values per period, shows progress against target and keeps every correction', async () => {
    const { a, b, id } = await pair();
    const chosen = await a.client.post(`/collaborations/${id}/ledger/indicators`, {
      libraryId: 'people-placed',
      baseline: 0,
    });
    expect(chosen.status).toBe(200);
    const indicatorId = chosen.body.indicators[0].id;
    expect(
      (await b.client.post(`/collaborations/${id}/ledger/indicators`, { libraryId: 'people-placed' })).status,
    ).toBe(409);
    await b.client.patch(`/collaborations/${id}/ledger/indicators/${indicatorId}`, {
      targets: [
        { period: monthsAgo(1), target: 5 },
        { period: thisMonth(), target: 6 },
      ],
    });
    await a.client.put(`/collaborations/${id}/ledger/indicators/${indicatorId}/values/${monthsAgo(1)}`, {
      value: 3,
      source: 'Eigen administratie',
    });
    await b.client.put(`/collaborations/${id}/ledger/indicators/${indicatorId}/values/${monthsAgo(1)}`, {
      value: 1,
    });
    // A correction: the first value stays in the history.
    const corrected = await a.client.put(
      `/collaborations/${id}/ledger/indicators/${indicatorId}/values/${monthsAgo(1)}`,
      { value: 4, note: 'Eén plaatsing te laat doorgegeven' },
    );
    const indicator = corrected.body.indicators[0];
    expect(indicator.series.find((p: { period: string }) => p.period === monthsAgo(1))).toMatchObject({
      total: 5,
      partners: 2,
      target: 5,
    });
    expect(indicator.progress).toMatchObject({ against: { total: 5, target: 5, met: true }, cumulative: 5 });
    expect(
      indicator.values.find((v: { organisationId: string }) => v.organisationId === a.organisationId),
    ).toMatchObject({
      value: 4,
      corrected: true,
    });
    const history = await b.client.get(
      `/collaborations/${id}/ledger/indicators/${indicatorId}/values/${monthsAgo(1)}/history`,
    );
    expect(history.body.values.map((v: { value: number }) => v.value)).toEqual([3, 1, 4]);
    expect(history.body.values[0].supersededAt).not.toBeNull();

    const csv = await b.client.get(`/collaborations/${id}/ledger.csv`);
    expect(csv.status).toBe(200);
    const lines = csv.raw.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'indicator_id,indicator_en,indicator_nl,iris,unit,period,organisation,value,target,source,note,corrected,entered_at',
    );
    expect(lines.find((l: string) => l.includes('Werkpoort Ledger'))).toContain(
      `people-placed,People placed,Mensen geplaatst,PI3527,people,${monthsAgo(1)},Werkpoort Ledger,4,5,,Eén plaatsing te laat doorgegeven,true`,
    );
    // An indicator with values is not removed: they would be lost.
    expect((await a.client.delete(`/collaborations/${id}/ledger/indicators/${indicatorId}`)).status).toBe(
      409,
    );
  });

  it('refuses future periods, bad periods and extreme figures by name, and keeps what was saved', async () => {
    const { a, id } = await pair();
    const own = await a.client.post(`/collaborations/${id}/ledger/indicators`, {
      custom: {
        label: 'Leerwerkplekken bezet',
        definition: 'Bezette leerwerkplekken op de laatste dag van de maand.',
        unit: 'plekken',
        level: 'output',
        direction: 'up',
        kind: 'stock',
      },
    });
    expect(own.status).toBe(200);
    const indicatorId = own.body.indicators[0].id;
    await a.client.put(`/collaborations/${id}/ledger/indicators/${indicatorId}/values/${monthsAgo(2)}`, {
      value: 7,
    });
    const future = new Date();
    future.setUTCFullYear(future.getUTCFullYear() + 1);
    const cases: [string, unknown, string][] = [
      [future.toISOString().slice(0, 7), { value: 1 }, 'period'],
      ['0000-01', { value: 1 }, 'period'],
      ['2026-13', { value: 1 }, 'period'],
      ['2026-Q5', { value: 1 }, 'period'],
      [monthsAgo(2), { value: 1e13 }, 'value'],
      [monthsAgo(2), { value: '7,5' }, 'value'],
    ];
    for (const [period, body, field] of cases) {
      const res = await a.client.put(
        `/collaborations/${id}/ledger/indicators/${indicatorId}/values/${period}`,
        body,
      );
      expect(res.status, `${period} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.details[0].field).toBe(field);
    }
    const both = await a.client.post(`/collaborations/${id}/ledger/indicators`, {
      libraryId: 'moved-on',
      custom: {},
    });
    expect(both.status).toBe(400);
    const unknown = await a.client.post(`/collaborations/${id}/ledger/indicators`, { libraryId: 'geluk' });
    expect(unknown.body.error.details[0].field).toBe('libraryId');
    const view = (await a.client.get(`/collaborations/${id}/ledger`)).body;
    expect(view.indicators).toHaveLength(1);
    expect(view.indicators[0].values).toMatchObject([{ value: 7, period: monthsAgo(2) }]);
    expect(view.indicators[0].label.nl).toBe('Leerwerkplekken bezet');
  });

  it('keeps one current value per partner and period when 40 entries race, and the other 39 in the history', async () => {
    const { a, b, id } = await pair();
    const [added] = await Promise.all(
      Array.from({ length: 40 }, () =>
        a.client.post(`/collaborations/${id}/ledger/indicators`, { libraryId: 'people-placed' }),
      ),
    ).then((all) => {
      expect(all.filter((r) => r.status === 200)).toHaveLength(1);
      expect(all.filter((r) => r.status === 409)).toHaveLength(39);
      return all.filter((r) => r.status === 200);
    });
    const indicatorId = added!.body.indicators[0].id;
    const period = monthsAgo(1);
    const entries = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).client.put(
          `/collaborations/${id}/ledger/indicators/${indicatorId}/values/${period}`,
          {
            value: i,
          },
        ),
      ),
    );
    expect(entries.every((r) => r.status === 200)).toBe(true);
    const view = (await a.client.get(`/collaborations/${id}/ledger`)).body;
    expect(view.indicators).toHaveLength(1);
    expect(view.indicators[0].values).toHaveLength(2);
    const history = await a.client.get(
      `/collaborations/${id}/ledger/indicators/${indicatorId}/values/${period}/history`,
    );
    expect(history.body.values).toHaveLength(40);
    expect(history.body.values.filter((v: { supersededAt: string | null }) => !v.supersededAt)).toHaveLength(
      2,
    );
  });

  it('is read and written by partners only', async () => {
    const { a, id } = await pair();
    const chosen = await a.client.post(`/collaborations/${id}/ledger/indicators`, {
      libraryId: 'coaching-hours',
    });
    const indicatorId = chosen.body.indicators[0].id;
    const stranger = await signUpWithOrganisation(t.app, 'Buiten Ledger');
    expect((await stranger.client.get(`/collaborations/${id}/ledger`)).status).toBe(404);
    expect(
      (
        await stranger.client.put(
          `/collaborations/${id}/ledger/indicators/${indicatorId}/values/${monthsAgo(1)}`,
          { value: 1 },
        )
      ).status,
    ).toBe(404);
    // Another collaboration's indicator cannot be written through one's own.
    const other = await twoPartners(t.app, ['Ander Ledger', 'Ander Bouw'], 'Ander');
    expect(
      (
        await other.a.client.put(
          `/collaborations/${other.id}/ledger/indicators/${indicatorId}/values/${monthsAgo(1)}`,
          { value: 1 },
        )
      ).status,
    ).toBe(404);
  });
});
