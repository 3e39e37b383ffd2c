// Issue 10, point 11: an agreement is agreed by each partner organisation on its own (an edit asks again), an
// action is owned by a member of either partner or by a free name, and the agreements overview is a CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  invitePartner,
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

async function pair() {
  const a = await signUpWithOrganisation(t.app, 'Werkpoort Akkoord');
  const b = await signUpWithOrganisation(t.app, 'Bouw Akkoord');
  const id = (await a.client.post('/collaborations', { name: 'Samen afspreken', ambition: 'integration' }))
    .body.collaboration.id as string;
  await invitePartner(a.client, b.client, id);
  return { a, b, id };
}

const approvalsOf = (agreement: Record<string, any>) =>
  (agreement.approvals as { organisationId: string }[]).map((x) => x.organisationId).sort();

describe('agreements agreed per partner organisation', () => {
  it('records each partner’s agreement to the text it read; an edit asks everyone again', async () => {
    const { a, b, id } = await pair();
    const created = await a.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'equality',
      text: 'We bespreken de prijzen elk kwartaal.',
    });
    expect(created.body.approvals).toEqual([]);
    const agreementId = created.body.id as string;
    const byA = await a.client.post(`/collaborations/${id}/agreements/${agreementId}/approval`, {
      version: 1,
    });
    expect(byA.status).toBe(200);
    expect(approvalsOf(byA.body)).toEqual([a.organisationId]);

    // A edits the text while B reads the old one: B's agreement to the old text is refused with the new text.
    const edited = await a.client.patch(`/collaborations/${id}/agreements/${agreementId}`, {
      text: 'We bespreken de prijzen elke maand.',
      version: 1,
    });
    expect(edited.body.approvals).toEqual([]);
    const stale = await b.client.post(`/collaborations/${id}/agreements/${agreementId}/approval`, {
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details[0].field).toBe('version');
    expect(stale.body.current).toMatchObject({ text: 'We bespreken de prijzen elke maand.', version: 2 });

    // Both agree to the new text; an edit of the date alone keeps the agreements.
    await a.client.post(`/collaborations/${id}/agreements/${agreementId}/approval`, { version: 2 });
    const both = await b.client.post(`/collaborations/${id}/agreements/${agreementId}/approval`, {
      version: 2,
    });
    expect(approvalsOf(both.body)).toEqual([a.organisationId, b.organisationId].sort());
    const dated = await b.client.patch(`/collaborations/${id}/agreements/${agreementId}`, {
      agreedOn: '2026-11-20',
      version: 2,
    });
    expect(approvalsOf(dated.body)).toEqual([a.organisationId, b.organisationId].sort());

    // B withdraws; the workspace shows it for everyone.
    const withdrawn = await b.client.delete(`/collaborations/${id}/agreements/${agreementId}/approval`);
    expect(approvalsOf(withdrawn.body)).toEqual([a.organisationId]);
    const workspace = (await b.client.get(`/collaborations/${id}`)).body;
    expect(approvalsOf(workspace.agreements[0])).toEqual([a.organisationId]);
  });

  it('counts one agreement per organisation however often it is sent, also 40 at once', async () => {
    const { a, id } = await pair();
    const member = await addMember(t.app, a.client, 'member');
    const agreementId = (
      await a.client.post(`/collaborations/${id}/agreements`, {
        topicId: 'trust',
        text: 'Open kaart spelen.',
      })
    ).body.id as string;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? member : a.client).post(`/collaborations/${id}/agreements/${agreementId}/approval`, {
          version: 1,
        }),
      ),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    const workspace = (await a.client.get(`/collaborations/${id}`)).body;
    expect(approvalsOf(workspace.agreements[0])).toEqual([a.organisationId]);
  });

  it('is refused to outsiders and to a partner that left, with 404', async () => {
    const { a, b, id } = await pair();
    const { client: outsider } = await signUpWithOrganisation(t.app, 'Buiten Akkoord');
    const agreementId = (
      await a.client.post(`/collaborations/${id}/agreements`, { topicId: 'trust', text: 'Geheim akkoord' })
    ).body.id as string;
    expect(
      (await outsider.post(`/collaborations/${id}/agreements/${agreementId}/approval`, { version: 1 }))
        .status,
    ).toBe(404);
    expect((await outsider.request('GET', `/collaborations/${id}/agreements.csv`)).status).toBe(404);
    await b.client.post(`/collaborations/${id}/leave`);
    expect(
      (await b.client.post(`/collaborations/${id}/agreements/${agreementId}/approval`, { version: 1 }))
        .status,
    ).toBe(404);
    expect((await b.client.delete(`/collaborations/${id}/agreements/${agreementId}/approval`)).status).toBe(
      404,
    );
    // An agreement of another collaboration cannot be reached through this one.
    const other = (await a.client.post('/collaborations', { name: 'Ander', ambition: 'transaction' })).body
      .collaboration.id as string;
    expect(
      (await a.client.post(`/collaborations/${other}/agreements/${agreementId}/approval`, { version: 1 }))
        .status,
    ).toBe(404);
  });

  it('lists every agreement with who agreed and who not yet, as CSV safe for spreadsheets', async () => {
    const { a, b, id } = await pair();
    const first = (
      await a.client.post(`/collaborations/${id}/agreements`, {
        topicId: 'trust',
        text: '=1+1 is geen formule',
      })
    ).body.id as string;
    await a.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'goals',
      text: 'Doelen elk half jaar',
    });
    await b.client.post(`/collaborations/${id}/agreements/${first}/approval`, { version: 1 });
    const csv = await b.client.request('GET', `/collaborations/${id}/agreements.csv`);
    expect(csv.status).toBe(200);
    expect(csv.raw.headers['content-type']).toContain('text/csv');
    const lines = csv.raw.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('topic_id,topic_en,topic_nl,agreement,agreed_on,agreed_by,not_yet_agreed_by');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('trust,'))).toContain("'=1+1 is geen formule");
    expect(lines.find((l) => l.startsWith('trust,'))).toMatch(/,Bouw Akkoord,Werkpoort Akkoord$/);
    expect(lines.find((l) => l.startsWith('goals,'))).toMatch(/,,Werkpoort Akkoord; Bouw Akkoord$/);
  });
});

describe('who owns an action', () => {
  async function people(client: Client, id: string) {
    return (await client.get(`/collaborations/${id}`)).body.people as {
      userId: string;
      name: string;
      organisationId: string;
    }[];
  }

  it('is a member of either partner organisation chosen from the list, or a free name', async () => {
    const { a, b, id } = await pair();
    const list = await people(a.client, id);
    expect(list.map((p) => p.organisationId).sort()).toEqual([a.organisationId, b.organisationId].sort());
    // Names only: no e-mail address of a partner's people travels.
    expect(JSON.stringify(list)).not.toContain('@');
    const partnerMember = list.find((p) => p.organisationId === b.organisationId)!;
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'trust',
      text: 'Kennismaking op de werkvloer',
      ownerUserId: partnerMember.userId,
    });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({ ownerUserId: partnerMember.userId, owner: partnerMember.name });
    const renamed = await a.client.patch(`/collaborations/${id}/actions/${action.body.id}`, {
      owner: 'Jobcoach van de gemeente',
      version: action.body.version,
    });
    expect(renamed.body).toMatchObject({ ownerUserId: null, owner: 'Jobcoach van de gemeente' });
    const back = await b.client.patch(`/collaborations/${id}/actions/${action.body.id}`, {
      ownerUserId: partnerMember.userId,
      version: renamed.body.version,
    });
    expect(back.body).toMatchObject({ ownerUserId: partnerMember.userId, owner: partnerMember.name });
  });

  it('refuses anyone else, naming the field, and loses nothing', async () => {
    const { a, b, id } = await pair();
    const { client: stranger } = await signUpWithOrganisation(t.app, 'Vreemd');
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'trust',
      text: 'Blijft van Werkpoort',
      owner: 'Sanne',
    });
    for (const ownerUserId of [stranger.userId!, '00000000-0000-4000-8000-000000000000']) {
      const created = await a.client.post(`/collaborations/${id}/actions`, {
        topicId: 'trust',
        text: 'X',
        ownerUserId,
      });
      expect(created.status).toBe(400);
      expect(created.body.error.details[0].field).toBe('ownerUserId');
      const changed = await a.client.patch(`/collaborations/${id}/actions/${action.body.id}`, {
        ownerUserId,
        version: action.body.version,
      });
      expect(changed.status).toBe(400);
    }
    // A member of a partner that has left is no longer on the list.
    const bMember = (await people(a.client, id)).find((p) => p.organisationId === b.organisationId)!;
    await b.client.post(`/collaborations/${id}/leave`);
    const gone = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'trust',
      text: 'Y',
      ownerUserId: bMember.userId,
    });
    expect(gone.status).toBe(400);
    const kept = (await a.client.get(`/collaborations/${id}/actions`)).body.actions;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      text: 'Blijft van Werkpoort',
      owner: 'Sanne',
      version: action.body.version,
    });
  });
});
