import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import {
  addMember,
  addWitness,
  type Client,
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

const orientation = wheel.topics.filter((x) => x.stage === 'orientation').map((x) => x.id);

/** A social enterprise that started a collaboration and a company that joined it through the partner link. */
async function partnership() {
  const se = await signUpWithOrganisation(t.app, 'Werkpoort');
  const co = await signUpWithOrganisation(t.app, 'Bouwbedrijf');
  const created = await se.client.post('/collaborations', {
    name: 'Inpakwerk',
    ambition: 'integration',
    purpose: 'Samen',
  });
  expect(created.status).toBe(201);
  const id = created.body.collaboration.id as string;
  const invite = await se.client.post(`/collaborations/${id}/invitations`);
  const token = invite.body.link.split('/partner-invitations/')[1];
  const accepted = await co.client.post(`/partner-invitations/${token}/accept`);
  expect(accepted.status).toBe(200);
  return { id, se: se.client, co: co.client, seOrg: se.organisationId, coOrg: co.organisationId };
}

async function answerAll(
  client: Client,
  id: string,
  rating: number | 'nr',
  overrides: Record<string, number | 'nr'> = {},
) {
  for (const topicId of orientation) {
    const r = await client.put(`/collaborations/${id}/answers/${topicId}`, {
      rating: overrides[topicId] ?? rating,
      answer: `Antwoord op ${topicId}`,
    });
    expect(r.status).toBe(200);
  }
}

describe('collaborations', () => {
  it('lets two organisations work through a round privately and reveals it when both submitted', async () => {
    const { id, se, co, seOrg, coOrg } = await partnership();
    await answerAll(se, id, 4, { equality: 1 });
    await answerAll(co, id, 3, { equality: 4 });

    // Before the reveal each side sees only its own answers, and of the partner only "submitted or not".
    const before = await co.get(`/collaborations/${id}`);
    expect(
      before.body.currentRound.answers.every((a: { organisationId: string }) => a.organisationId === coOrg),
    ).toBe(true);
    expect(before.body.currentRound.answers).toHaveLength(orientation.length);
    expect(before.body.placement).toBeNull();
    expect(before.body.agenda).toEqual([]);

    expect((await se.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: false });
    const waiting = await co.get(`/collaborations/${id}`);
    expect(waiting.body.currentRound.status).toEqual(
      expect.arrayContaining([
        { organisationId: seOrg, submitted: true, earlyReveal: false },
        { organisationId: coOrg, submitted: false, earlyReveal: false },
      ]),
    );
    // Submitted answers are locked.
    expect((await se.put(`/collaborations/${id}/answers/ambition`, { rating: 1, answer: null })).status).toBe(
      409,
    );

    expect((await co.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: true });
    const after = await se.get(`/collaborations/${id}`);
    expect(after.body.currentRound.revealedAt).not.toBeNull();
    expect(after.body.currentRound.answers).toHaveLength(orientation.length * 2);
    expect(after.body.placement).toMatchObject({ round: 1, stage: 'integration', gaps: ['equality'] });
    expect(after.body.agenda[0]).toEqual({
      topicId: 'equality',
      reason: { kind: 'gap', ratings: { [seOrg]: 1, [coOrg]: 4 }, spread: 3 },
    });
    expect(after.body.timeline).toHaveLength(1);
  });

  it('never lets a partner learn an unrevealed answer, through any route', async () => {
    const { id, se, co, coOrg } = await partnership();
    await answerAll(co, id, 2);
    await co.post(`/collaborations/${id}/submit`);
    const secret = 'Antwoord op ambition';
    for (const path of [
      `/collaborations/${id}`,
      `/collaborations/${id}/rounds/1`,
      '/collaborations',
      `/collaborations/${id}/actions`,
    ]) {
      const response = await se.get(path);
      expect(response.status, path).toBe(200);
      const text = JSON.stringify(response.body);
      expect(text, path).not.toContain(secret);
      expect(text, path).not.toMatch(new RegExp(`"organisationId":"${coOrg}","topicId"`));
    }
    // Not even how many topics the partner answered: only the submitted flag.
    const round = (await se.get(`/collaborations/${id}/rounds/1`)).body;
    expect(round.answers).toEqual([]);
    expect(Object.keys(round.status[0]).sort()).toEqual(['earlyReveal', 'organisationId', 'submitted']);
  });

  it('reveals early only when all partners agree and at least one submitted (RULES.md)', async () => {
    const { id, se, co } = await partnership();
    await se.put(`/collaborations/${id}/answers/ambition`, { rating: 4, answer: null });
    await co.put(`/collaborations/${id}/answers/trust`, { rating: 2, answer: null });
    expect((await se.post(`/collaborations/${id}/reveal-early`)).body.revealed).toBe(false);
    // Only its own answer (trust), not the partner's.
    const own = (await co.get(`/collaborations/${id}`)).body.currentRound.answers;
    expect(own.map((a: { topicId: string }) => a.topicId)).toEqual(['trust']);
    // Both chose to look together, nobody submitted: still nothing to compare.
    expect((await co.post(`/collaborations/${id}/reveal-early`)).body.revealed).toBe(false);
    expect((await co.get(`/collaborations/${id}`)).body.currentRound.answers).toEqual(own);
    // The mixed case: the one that chose early, and the other that submits.
    expect((await co.post(`/collaborations/${id}/submit`)).body.revealed).toBe(true);
    const revealed = await se.get(`/collaborations/${id}`);
    expect(revealed.body.currentRound.revealReason).toBe('early');
    expect(revealed.body.currentRound.answers).toHaveLength(2);
  });

  // Issue 10, point 1: a new collaboration without a partner, nothing answered, "submit": nothing is revealed.
  it('never reveals a round of one organisation alone', async () => {
    const { client } = await signUpWithOrganisation(t.app, 'In Mijn Eentje');
    const id = (await client.post('/collaborations', { name: 'Solo', ambition: 'transaction' })).body
      .collaboration.id;
    expect((await client.post(`/collaborations/${id}/submit`)).body.revealed).toBe(false);
    expect((await client.post(`/collaborations/${id}/reveal-early`)).body.revealed).toBe(false);
    const workspace = (await client.get(`/collaborations/${id}`)).body;
    expect(workspace.currentRound.revealedAt).toBeNull();
    expect(workspace.placement).toBeNull();
    expect(workspace.agenda ?? []).toEqual([]);
  });

  it('answers 404 to an organisation that does not take part, on every route', async () => {
    const { id, se } = await partnership();
    const { client: outsider } = await signUpWithOrganisation(t.app, 'Buitenstaander');
    const agreement = await se.post(`/collaborations/${id}/agreements`, {
      topicId: 'ambition',
      text: 'Wij doen het samen',
    });
    const action = await se.post(`/collaborations/${id}/actions`, {
      topicId: 'ambition',
      text: 'Bellen',
      dueDate: '2026-01-01',
    });
    const attempts = [
      outsider.get(`/collaborations/${id}`),
      outsider.get(`/collaborations/${id}/rounds/1`),
      outsider.get(`/collaborations/${id}/actions`),
      outsider.patch(`/collaborations/${id}`, { name: 'Gekaapt' }),
      outsider.put(`/collaborations/${id}/answers/ambition`, { rating: 1, answer: null }),
      outsider.post(`/collaborations/${id}/submit`),
      outsider.post(`/collaborations/${id}/reveal-early`),
      outsider.post(`/collaborations/${id}/rounds`),
      outsider.post(`/collaborations/${id}/invitations`),
      outsider.post(`/collaborations/${id}/agreements`, { topicId: 'ambition', text: 'x' }),
      outsider.patch(`/collaborations/${id}/agreements/${agreement.body.id}`, { text: 'x', version: 1 }),
      outsider.delete(`/collaborations/${id}/agreements/${agreement.body.id}`),
      outsider.post(`/collaborations/${id}/actions`, { topicId: 'ambition', text: 'x' }),
      outsider.patch(`/collaborations/${id}/actions/${action.body.id}`, { done: true, version: 1 }),
      outsider.delete(`/collaborations/${id}/actions/${action.body.id}`),
      outsider.post(`/collaborations/${id}/archive`),
      outsider.post(`/collaborations/${id}/leave`),
    ];
    for (const response of await Promise.all(attempts))
      expect(response.status, JSON.stringify(response.body)).toBe(404);
    expect((await outsider.get('/collaborations')).body.collaborations).toEqual([]);
    const workspace = await se.get(`/collaborations/${id}`);
    expect(workspace.body.collaboration.name).toBe('Inpakwerk');
    expect(workspace.body.agreements).toHaveLength(1);
  });

  it('records agreements and actions; a second save of the same version gets 409 with the current text', async () => {
    const { id, se, co } = await partnership();
    const created = await se.post(`/collaborations/${id}/agreements`, {
      topicId: 'transparency',
      text: 'We delen elk kwartaal de cijfers.',
      agreedBy: 'Sanne en Marco',
      agreedOn: '2026-03-01',
    });
    expect(created.status).toBe(201);
    const first = await se.patch(`/collaborations/${id}/agreements/${created.body.id}`, {
      text: 'Elke maand.',
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await co.patch(`/collaborations/${id}/agreements/${created.body.id}`, {
      text: 'Elk jaar.',
      version: 1,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('edit_conflict');
    expect(second.body.current.text).toBe('Elke maand.');

    await se.post(`/collaborations/${id}/actions`, { topicId: 'risk', text: 'Later', dueDate: '2099-01-01' });
    const overdue = await co.post(`/collaborations/${id}/actions`, {
      topicId: 'trust',
      text: 'Te laat',
      owner: 'Marco',
      dueDate: '2020-01-01',
    });
    await se.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Geen datum' });
    const list = await se.get(`/collaborations/${id}/actions`);
    expect(list.body.actions.map((a: { text: string }) => a.text)).toEqual([
      'Te laat',
      'Later',
      'Geen datum',
    ]);
    expect(list.body.actions[0].overdue).toBe(true);
    const done = await se.patch(`/collaborations/${id}/actions/${overdue.body.id}`, {
      done: true,
      version: 1,
    });
    expect(done.body).toMatchObject({ done: true, overdue: false });
    expect((await se.post(`/collaborations/${id}/actions`, { topicId: 'nope', text: 'x' })).status).toBe(400);
  });

  it('starts a new round only after the reveal; earlier rounds stay readable and read-only', async () => {
    const { id, se, co } = await partnership();
    expect((await se.post(`/collaborations/${id}/rounds`)).status).toBe(409);
    await answerAll(se, id, 3);
    await answerAll(co, id, 3);
    await se.post(`/collaborations/${id}/submit`);
    await co.post(`/collaborations/${id}/submit`);
    const next = await se.post(`/collaborations/${id}/rounds`);
    expect(next.status).toBe(201);
    expect(next.body.currentRound.number).toBe(2);
    expect(next.body.currentRound.answers).toEqual([]);
    expect(next.body.previousRound.number).toBe(1);
    expect(next.body.previousRound.answers).toHaveLength(orientation.length * 2);
    expect(next.body.placement.round).toBe(1);
    const old = await co.get(`/collaborations/${id}/rounds/1`);
    expect(old.body.answers).toHaveLength(orientation.length * 2);
  });

  it('lets a third partner join, and the round waits for it too', async () => {
    const { id, se, co } = await partnership();
    const municipality = await signUpWithOrganisation(t.app, 'Gemeente Tilburg');
    const invite = await se.post(`/collaborations/${id}/invitations`);
    const token = invite.body.link.split('/partner-invitations/')[1];
    const preview = await municipality.client.get(`/partner-invitations/${token}`);
    expect(preview.body).toMatchObject({
      collaborationName: 'Inpakwerk',
      invitedBy: 'Werkpoort',
      // Who of which organisation invites (issue 10, point 5).
      invitedByPerson: 'Test Person',
      status: 'open',
    });
    expect((await municipality.client.post(`/partner-invitations/${token}/accept`)).status).toBe(200);
    expect((await se.get(`/collaborations/${id}`)).body.participants).toHaveLength(3);
    await se.post(`/collaborations/${id}/submit`);
    expect((await co.post(`/collaborations/${id}/submit`)).body.revealed).toBe(false);
    expect((await municipality.client.post(`/collaborations/${id}/submit`)).body.revealed).toBe(true);
    // A used link cannot be used again; a member (not admin) cannot accept for the organisation.
    expect((await municipality.client.post(`/partner-invitations/${token}/accept`)).status).toBe(409);
    const second = await se.post(`/collaborations/${id}/invitations`);
    const member = await addMember(t.app, (await signUpWithOrganisation(t.app, 'Opleider')).client);
    const memberAccept = await member.post(
      `/partner-invitations/${second.body.link.split('/partner-invitations/')[1]}/accept`,
    );
    expect(memberAccept.status).toBe(403);
  });

  it('lets a partner leave (the round reveals if the rest, two or more, are done) and the starter archive', async () => {
    const { id, se, co } = await partnership();
    await addWitness(t.app, se, id);
    await se.post(`/collaborations/${id}/submit`);
    expect((await co.post(`/collaborations/${id}/leave`)).status).toBe(200);
    expect((await co.get(`/collaborations/${id}`)).status).toBe(404);
    expect((await se.get(`/collaborations/${id}`)).body.currentRound.revealedAt).not.toBeNull();
    expect((await se.post(`/collaborations/${id}/archive`)).status).toBe(200);
    const archived = await se.get(`/collaborations/${id}`);
    expect(archived.body.collaboration.archivedAt).not.toBeNull();
    expect((await se.post(`/collaborations/${id}/actions`, { topicId: 'risk', text: 'x' })).status).toBe(409);
  });

  it('lists the collaborations of the acting organisation with stage, round and open actions', async () => {
    const { id, se, co } = await partnership();
    await answerAll(se, id, 4);
    await answerAll(co, id, 4);
    await se.post(`/collaborations/${id}/submit`);
    await co.post(`/collaborations/${id}/submit`);
    await se.post(`/collaborations/${id}/actions`, { topicId: 'risk', text: 'Open' });
    const list = await co.get('/collaborations');
    expect(list.body.collaborations).toHaveLength(1);
    expect(list.body.collaborations[0]).toMatchObject({
      id,
      round: 1,
      roundRevealed: true,
      stage: 'integration',
      openActions: 1,
    });
    expect(list.body.collaborations[0].partners.map((p: { name: string }) => p.name)).toEqual([
      'Werkpoort',
      'Bouwbedrijf',
    ]);
  });
});

describe('the round report', () => {
  it('is a PDF in the reader’s language, with the topics; before the reveal only with our own answers', async () => {
    const { id, se, co } = await partnership();
    await co.put(`/collaborations/${id}/answers/ambition`, {
      rating: 2,
      answer: 'Geheim antwoord van de partner',
    });
    await se.put(`/collaborations/${id}/answers/ambition`, { rating: 4, answer: 'Ons eigen antwoord' });
    const before = await se.request('GET', `/collaborations/${id}/rounds/1/report.pdf?lang=nl`);
    expect(before.status).toBe(200);
    expect(before.raw.headers['content-type']).toBe('application/pdf');
    expect(before.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(before.raw.rawPayload);
    expect(text).toContain('Ons eigen antwoord');
    expect(text).toContain('Gelijkwaardigheid');
    expect(text).not.toContain('Geheim antwoord');

    await se.post(`/collaborations/${id}/submit`);
    await co.post(`/collaborations/${id}/submit`);
    const after = pdfText(
      (await co.request('GET', `/collaborations/${id}/rounds/1/report.pdf?lang=en`)).raw.rawPayload,
    );
    expect(after).toContain('Equality');
    expect(after).toContain('Geheim antwoord van de partner');
    expect(after).toContain('Stage: Orientation');
    const outsider = (await signUpWithOrganisation(t.app, 'Niet betrokken')).client;
    expect((await outsider.request('GET', `/collaborations/${id}/rounds/1/report.pdf`)).status).toBe(404);
    expect((await se.request('GET', `/collaborations/${id}/rounds/9/report.pdf`)).status).toBe(404);
    expect((await se.request('GET', `/collaborations/${id}/rounds/1/report.pdf?lang=de`)).status).toBe(400);
  });
});

describe('editing an action at the same time (issue 10, point 8)', () => {
  it('answers the second edit of one version with 409 and the current action; nothing is overwritten', async () => {
    const { client: a } = await signUpWithOrganisation(t.app, 'Actie A');
    const id = (await a.post('/collaborations', { name: 'Acties', ambition: 'integration' })).body
      .collaboration.id;
    const action = (await a.post(`/collaborations/${id}/actions`, { topicId: 'risk', text: 'Bellen' })).body;
    expect(action.version).toBe(1);
    const first = await a.patch(`/collaborations/${id}/actions/${action.id}`, { owner: 'Sanne', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await a.patch(`/collaborations/${id}/actions/${action.id}`, {
      owner: 'Marco',
      version: 1,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('edit_conflict');
    expect(second.body.current).toMatchObject({ owner: 'Sanne', version: 2 });
    // Forty at once on one version: exactly one wins.
    const race = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        a.patch(`/collaborations/${id}/actions/${action.id}`, { owner: `Ronde ${i}`, version: 2 }),
      ),
    );
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    expect(race.filter((r) => r.status === 409)).toHaveLength(39);
    expect((await a.patch(`/collaborations/${id}/actions/${action.id}`, { version: 3 })).status).toBe(400);
  });
});
