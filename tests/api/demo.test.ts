import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { seedDemoIfEmpty } from '../../src/server/db/seed.ts';
import { FIGURE_2 } from '../../src/server/db/seed-collaborations.ts';
import { Client, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoIfEmpty(t.database.db)).toBe(true);
});
afterAll(async () => {
  await t.close();
});

async function signIn(email: string) {
  const client = new Client(t.app);
  const response = await client.post('/auth/sign-in', { email, password: 'impactwheel-demo' });
  expect(response.status).toBe(200);
  return client;
}

describe('the demo installation', () => {
  it('seeds only once', async () => {
    expect(await seedDemoIfEmpty(t.database.db)).toBe(false);
  });

  it('gives both demo admins the collaboration with the municipality, deepened to Integration', async () => {
    const sanne = await signIn('sanne@werkpoort.demo');
    const marco = await signIn('marco@vanderlindenbouw.demo');
    const mine = (await sanne.get('/collaborations')).body.collaborations;
    const shared = mine.find((c: { name: string }) => c.name === 'Inpakken en verzenden voor de bouw');
    expect(shared.partners.map((p: { name: string }) => p.name)).toContain('Gemeente Tilburg');
    expect(shared.stage).toBe('integration');
    expect(
      (await marco.get('/collaborations')).body.collaborations.map((c: { id: string }) => c.id),
    ).toContain(shared.id);
    const others = (await signIn('mehmet@codekracht.demo')).get('/collaborations');
    expect((await others).body.collaborations[0].stage).toBe('orientation');
  });

  it('walks "Leerwerkplekken in de bouw" through Mobilize and Co-develop, with a pilot under way', async () => {
    const fatima = await signIn('fatima@gemeentetilburg.demo');
    const mine = (await fatima.get('/collaborations')).body.collaborations;
    const id = mine.find((c: { name: string }) => c.name === 'Leerwerkplekken in de bouw').id;
    const view = (await fatima.get(`/collaborations/${id}/process`)).body;
    expect(view.partners).toHaveLength(3);
    expect(view.position).toBe('pilot-test');
    const states = Object.fromEntries(
      view.deliverables.map((d: { id: string; state: string }) => [d.id, d.state]),
    );
    for (const id of ['problem-definition', 'actors-map', 'key-impacts'])
      expect(states[id], id).toBe('agreed');
    for (const id of ['project-organisation', 'strategic-action-programme', 'measurement-system'])
      expect(states[id], id).toBe('agreed');
    // The municipality has still to agree to the implementation plan: it is what it reads first.
    expect(states['implementation-plan']).toBe('draft');
    expect(view.pilots[0].status).toBe('running');
    expect(view.checks[0].outcome.advice.verdict).toBe('not-yet');
    const ledger = (await fatima.get(`/collaborations/${id}/ledger`)).body;
    expect(ledger.indicators.map((i: { libraryId: string }) => i.libraryId)).toEqual([
      'people-in-training',
      'people-placed',
    ]);
    expect(view.criteria.map((c: { result: string }) => c.result)).toEqual([
      'met',
      'not-measured',
      'not-measured',
    ]);
  });

  it('runs the research cohort as a programme whose chart matches the study’s Figure 2', async () => {
    const facilitator = await signIn('begeleider@impactwheel.demo');
    const [programme] = (await facilitator.get('/programmes')).body.programmes;
    const detail = (await facilitator.get(`/programmes/${programme.id}`)).body;
    expect(detail.members).toHaveLength(16);
    expect(detail.members.filter((m: { consent: boolean }) => m.consent)).toHaveLength(12);
    // One self-assessment per organisation and collaboration, the latest revealed: the study's measurement.
    const cohort = (await facilitator.get(`/programmes/${programme.id}/cohort`)).body;
    for (const item of assessment.items) {
      const row = cohort.statements.find((s: { itemId: string }) => s.itemId === item.id);
      expect(row.counts, item.component).toEqual(FIGURE_2[item.component]);
      expect(row.n).toBe(12);
    }
  });
});
