import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { signUpWithOrganisation, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const id = (component: string) => assessment.items.find((i) => i.component === component)!.id;

async function partnership() {
  const se = await signUpWithOrganisation(t.app, 'Werkpoort');
  const co = await signUpWithOrganisation(t.app, 'Bouwbedrijf');
  const created = await se.client.post('/collaborations', { name: 'Samen', ambition: 'integration' });
  const collaborationId = created.body.collaboration.id as string;
  const invite = await se.client.post(`/collaborations/${collaborationId}/invitations`);
  await co.client.post(`/partner-invitations/${invite.body.link.split('/partner-invitations/')[1]}/accept`);
  return {
    collaborationId,
    se: se.client,
    co: co.client,
    seOrg: se.organisationId,
    coOrg: co.organisationId,
  };
}

describe('the self-assessment', () => {
  it('stays private until the reveal, then shows results, differences, continuum and ambitions side by side', async () => {
    const { collaborationId: c, se, co, seOrg, coOrg } = await partnership();
    const saved = await se.put(`/collaborations/${c}/assessment`, {
      answers: {
        [id('interaction')]: 5,
        [id('operation')]: 4,
        [id('complementarity')]: 5,
        [id('nature')]: 4,
        [id('equivalency')]: 5,
        [id('direction')]: 4,
      },
      ambitions: { individual: { text: 'Passend werk voor vijf mensen', priority: 1 } },
      partnershipAmbition: 'integration',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.editable).toBe(true);
    await co.put(`/collaborations/${c}/assessment`, {
      answers: {
        [id('interaction')]: 3,
        [id('operation')]: 2,
        [id('complementarity')]: 4,
        [id('equivalency')]: 2,
        [id('reputation')]: null,
      },
      ambitions: { organisation: { text: 'Inclusiever personeelsbeleid', priority: 2 } },
      partnershipAmbition: 'transaction',
    });
    await co.post(`/collaborations/${c}/assessment/submit`);

    const before = await se.get(`/collaborations/${c}/assessment`);
    expect(before.body.answers.every((a: { organisationId: string }) => a.organisationId === seOrg)).toBe(
      true,
    );
    expect(before.body.ambitions.every((a: { organisationId: string }) => a.organisationId === seOrg)).toBe(
      true,
    );
    expect(before.body.partnershipAmbitions).toEqual([{ organisationId: seOrg, ambition: 'integration' }]);
    expect(before.body.status).toEqual(
      expect.arrayContaining([
        { organisationId: coOrg, submitted: true },
        { organisationId: seOrg, submitted: false },
      ]),
    );
    expect(before.body.results).toBeNull();
    expect(JSON.stringify(before.body)).not.toContain('Inclusiever');
    expect(JSON.stringify((await se.get(`/collaborations/${c}`)).body)).not.toContain('Inclusiever');

    // The reveal of the round reveals the self-assessment too.
    await se.post(`/collaborations/${c}/submit`);
    await co.post(`/collaborations/${c}/submit`);
    const after = await se.get(`/collaborations/${c}/assessment`);
    expect(after.body.editable).toBe(false);
    expect(after.body.answers).toHaveLength(11);
    expect(after.body.ambitions.map((a: { text: string }) => a.text).sort()).toEqual([
      'Inclusiever personeelsbeleid',
      'Passend werk voor vijf mensen',
    ]);
    const results = after.body.results;
    expect(results.ambitionMismatch).toBe(true);
    expect(
      results.differences.map((d: { component: string; topics: string[] }) => [d.component, d.topics]),
    ).toEqual([
      ['equivalency', ['equality', 'transparency']],
      ['operation', ['commitment', 'willingness-to-invest']],
      ['interaction', ['innovation', 'added-value']],
    ]);
    const bySe = results.continuum.byOrganisation.find(
      (o: { organisationId: string }) => o.organisationId === seOrg,
    );
    expect(bySe.placement.position).toBe('integrative');
    expect(results.continuum.joint.position).toBe('transactional');
    const interaction = results.statements.find((s: { component: string }) => s.component === 'interaction');
    expect(interaction).toMatchObject({ mean: 4, distribution: [0, 0, 1, 0, 1, 0] });
    expect(after.body.history).toEqual([{ round: 1, position: 'transactional' }]);

    expect(
      (await se.put(`/collaborations/${c}/assessment`, { answers: { [id('synergy')]: 5 } })).status,
    ).toBe(409);
  });

  it('names unknown statements and out-of-range answers, and keeps what was saved', async () => {
    const { collaborationId: c, se } = await partnership();
    await se.put(`/collaborations/${c}/assessment`, { answers: { [id('synergy')]: 4 } });
    const unknown = await se.put(`/collaborations/${c}/assessment`, { answers: { nonsense: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toBe('answers.nonsense');
    const range = await se.put(`/collaborations/${c}/assessment`, { answers: { [id('synergy')]: 7 } });
    expect(range.status).toBe(400);
    expect(range.body.error.details[0].field).toContain('answers');
    const view = await se.get(`/collaborations/${c}/assessment`);
    expect(view.body.answers).toEqual([expect.objectContaining({ itemId: id('synergy'), value: 4 })]);
  });

  it('answers 404 to organisations that do not take part', async () => {
    const { collaborationId: c } = await partnership();
    const { client: outsider } = await signUpWithOrganisation(t.app, 'Buiten');
    expect((await outsider.get(`/collaborations/${c}/assessment`)).status).toBe(404);
    expect(
      (await outsider.put(`/collaborations/${c}/assessment`, { partnershipAmbition: 'integration' })).status,
    ).toBe(404);
    expect((await outsider.post(`/collaborations/${c}/assessment/submit`)).status).toBe(404);
  });
});
