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
        { organisationId: coOrg, submitted: true, earlyReveal: false },
        { organisationId: seOrg, submitted: false, earlyReveal: false },
      ]),
    );
    expect(before.body.results).toBeNull();
    expect(JSON.stringify(before.body)).not.toContain('Inclusiever');
    expect(JSON.stringify((await se.get(`/collaborations/${c}`)).body)).not.toContain('Inclusiever');

    // The self-assessment reveals on its own once both submitted; the wheel round is untouched.
    const submitted = await se.post(`/collaborations/${c}/assessment/submit`);
    expect(submitted.body.round).toMatchObject({ number: 1, revealReason: 'all-submitted' });
    expect((await se.get(`/collaborations/${c}/rounds/1`)).body.revealedAt).toBeNull();
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

  // Issue 10, point 2: the self-assessment has its own life, before, during or after the wheel conversation.
  it('can be answered, submitted and revealed after the wheel round was revealed', async () => {
    const { collaborationId: c, se, co, seOrg, coOrg } = await partnership();
    await se.post(`/collaborations/${c}/submit`);
    expect((await co.post(`/collaborations/${c}/submit`)).body.revealed).toBe(true);
    const open = (await se.get(`/collaborations/${c}/assessment`)).body;
    expect(open).toMatchObject({ editable: true, results: null, round: { revealedAt: null } });
    expect(
      (await se.put(`/collaborations/${c}/assessment`, { answers: { [id('synergy')]: 5 } })).status,
    ).toBe(200);
    await co.put(`/collaborations/${c}/assessment`, { answers: { [id('synergy')]: 2 } });
    const one = await se.post(`/collaborations/${c}/assessment/submit`);
    expect(one.body.round.revealedAt).toBeNull();
    expect(one.body.answers.map((a: { organisationId: string }) => a.organisationId)).toEqual([seOrg]);
    // The mixed case: one submitted, the other chose to look together now without submitting.
    const both = await co.post(`/collaborations/${c}/assessment/reveal-early`);
    expect(both.body.round).toMatchObject({ revealReason: 'early' });
    expect(both.body.round.revealedAt).not.toBeNull();
    expect(both.body.status).toEqual(
      expect.arrayContaining([
        { organisationId: seOrg, submitted: true, earlyReveal: false },
        { organisationId: coOrg, submitted: false, earlyReveal: true },
      ]),
    );
    expect(both.body.answers).toHaveLength(2);
    expect(both.body.results.continuum.byOrganisation).toHaveLength(2);
    expect(
      (await co.put(`/collaborations/${c}/assessment`, { answers: { [id('synergy')]: 3 } })).status,
    ).toBe(409);
  });

  // Issue 10, point 1, for the self-assessment: one organisation alone never reveals, nor does early reveal alone.
  it('is not revealed by one organisation alone, nor by early reveal without a submission', async () => {
    const solo = await signUpWithOrganisation(t.app, 'Alleen');
    const c = (await solo.client.post('/collaborations', { name: 'Solo', ambition: 'transaction' })).body
      .collaboration.id;
    const alone = await solo.client.post(`/collaborations/${c}/assessment/submit`);
    expect(alone.status).toBe(200);
    expect(alone.body.round.revealedAt).toBeNull();
    expect(alone.body.editable).toBe(true);

    const { collaborationId: d, se, co } = await partnership();
    await se.post(`/collaborations/${d}/assessment/reveal-early`);
    const early = await co.post(`/collaborations/${d}/assessment/reveal-early`);
    expect(early.body.round.revealedAt).toBeNull();
    expect(early.body.answers).toEqual([]);
    expect((await co.post(`/collaborations/${d}/assessment/submit`)).body.round.revealReason).toBe('early');
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
