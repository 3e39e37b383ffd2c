import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  invitePartner,
  pdfText,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
  twoPartners,
} from './harness.ts';

// Issue 12: the partnering process as a guided workspace.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const pair = () => twoPartners(t.app, ['Werkpoort Proces', 'Bouw Proces'], 'Leerwerkplekken');
type Deliverable = {
  id: string;
  version: number;
  state: string;
  waitingFor: string[];
  signOffs: unknown[];
  content: Record<string, unknown> | null;
};
const deliverable = (view: Record<string, unknown>, id: string) =>
  (view.deliverables as Deliverable[]).find((d) => d.id === id)!;

describe('deliverables and agreement', () => {
  it('are empty, then draft, then agreed when every partner signed off; an edit returns them to draft', async () => {
    const { a, b, id } = await pair();
    const fresh = await a.client.get(`/collaborations/${id}/process`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.cycle).toMatchObject({ number: 1, current: true, editable: true });
    expect(fresh.body.position).toBe('mobilize');
    expect(fresh.body.deliverables).toHaveLength(11);
    expect(deliverable(fresh.body, 'problem-definition').state).toBe('empty');

    const saved = await a.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
      baseVersion: 0,
      content: {
        problem: 'Te weinig leerwerkplekken in de bouw',
        rootCauses: ['Geen begeleiding op de bouwplaats'],
      },
    });
    expect(saved.status).toBe(200);
    expect(deliverable(saved.body, 'problem-definition')).toMatchObject({ version: 1, state: 'draft' });
    expect(deliverable(saved.body, 'problem-definition').waitingFor).toHaveLength(2);

    expect(
      (
        await a.client.post(`/collaborations/${id}/process/deliverables/problem-definition/sign-off`, {
          version: 1,
        })
      ).status,
    ).toBe(200);
    const agreed = await b.client.post(
      `/collaborations/${id}/process/deliverables/problem-definition/sign-off`,
      {
        version: 1,
      },
    );
    expect(deliverable(agreed.body, 'problem-definition').state).toBe('agreed');
    expect(deliverable(agreed.body, 'problem-definition').signOffs).toHaveLength(2);

    // An edit from a stale version is refused and loses nothing.
    const stale = await b.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
      baseVersion: 0,
      content: { problem: 'Iets anders' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details[0].field).toBe('baseVersion');

    const edited = await b.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
      baseVersion: 1,
      content: {
        problem: 'Te weinig leerwerkplekken in de bouw',
        rootCauses: ['Geen begeleiding op de bouwplaats', 'Angst om de uitkering te verliezen'],
      },
    });
    expect(deliverable(edited.body, 'problem-definition')).toMatchObject({ version: 2, state: 'draft' });
    // Signing off the old version is refused: they must read the new one.
    expect(
      (
        await a.client.post(`/collaborations/${id}/process/deliverables/problem-definition/sign-off`, {
          version: 1,
        })
      ).status,
    ).toBe(409);

    const versions = await a.client.get(
      `/collaborations/${id}/process/deliverables/problem-definition/versions`,
    );
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.versions[0].changes).toEqual([
      { field: 'rootCauses', kind: 'added', item: 'Angst om de uitkering te verliezen' },
    ]);
    expect(versions.body.versions[0].changedBy).toBeTruthy();
    // Undo: version 1 put back as version 3, the history keeping every step.
    const restored = await a.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
      baseVersion: 2,
      content: versions.body.versions[1].content,
    });
    expect(deliverable(restored.body, 'problem-definition')).toMatchObject({
      version: 3,
      content: versions.body.versions[1].content,
    });
    const after = await a.client.get(
      `/collaborations/${id}/process/deliverables/problem-definition/versions`,
    );
    expect(after.body.versions[0].changes).toEqual([
      { field: 'rootCauses', kind: 'removed', item: 'Angst om de uitkering te verliezen' },
    ]);
  });

  it('answers 400 naming the field for bad content, and keeps what was saved', async () => {
    const { a, id } = await pair();
    await a.client.put(`/collaborations/${id}/process/deliverables/key-impacts`, {
      baseVersion: 0,
      content: { vision: 'Iedereen aan het werk', horizonYears: 5 },
    });
    const cases: [unknown, string][] = [
      [{ horizonYears: 1 }, 'content.horizonYears'],
      [{ vision: 12 }, 'content.vision'],
      [{ colour: 'rood' }, 'content.colour'],
    ];
    for (const [content, field] of cases) {
      const res = await a.client.put(`/collaborations/${id}/process/deliverables/key-impacts`, {
        baseVersion: 1,
        content,
      });
      expect(res.status, JSON.stringify(content)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const table = await a.client.put(`/collaborations/${id}/process/deliverables/measurement-system`, {
      baseVersion: 0,
      content: { criteria: [{ indicator: 'Geplaatst', comparator: 'about', threshold: 5 }] },
    });
    expect(table.status).toBe(400);
    expect(table.body.error.details[0].field).toBe('content.criteria.0.comparator');
    const stranger = await signUpWithOrganisation(t.app, 'Vreemd');
    const foreignOrg = await a.client.put(`/collaborations/${id}/process/deliverables/project-organisation`, {
      baseVersion: 0,
      content: { backbone: stranger.organisationId },
    });
    expect(foreignOrg.status).toBe(400);
    expect(foreignOrg.body.error.details[0].field).toBe('content.backbone');
    const after = await a.client.get(`/collaborations/${id}/process`);
    expect(deliverable(after.body, 'key-impacts')).toMatchObject({
      version: 1,
      content: { vision: 'Iedereen aan het werk', horizonYears: 5 },
    });
    expect(deliverable(after.body, 'measurement-system').state).toBe('empty');
  });

  it('is read by partners only: a stranger gets 404 and cannot write', async () => {
    const { id } = await pair();
    const stranger = await signUpWithOrganisation(t.app, 'Buitenstaander');
    expect((await stranger.client.get(`/collaborations/${id}/process`)).status).toBe(404);
    expect(
      (
        await stranger.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
          baseVersion: 0,
          content: { problem: 'x' },
        })
      ).status,
    ).toBe(404);
  });
});

describe('the checks', () => {
  it('stay private until revealed together, then give combined advice', async () => {
    const { a, b, id } = await pair();
    const answers = {
      'multiple-sectors': { rating: 4 },
      trust: { rating: 1, note: 'We kennen elkaar nog nauwelijks' },
    };
    const draft = await a.client.put(`/collaborations/${id}/process/checks/start`, { answers });
    expect(draft.status).toBe(200);
    await a.client.post(`/collaborations/${id}/process/checks/start/submit`);
    const seen = await b.client.get(`/collaborations/${id}/process`);
    const start = seen.body.checks.find((c: { moment: string }) => c.moment === 'start');
    expect(start.answers).toEqual([]);
    expect(start.outcome).toBeNull();
    expect(start.status.filter((s: { submitted: boolean }) => s.submitted)).toHaveLength(1);
    expect(JSON.stringify(seen.body)).not.toContain('nauwelijks');

    const revealed = await b.client.post(`/collaborations/${id}/process/checks/start/submit`, {
      answers: { trust: { rating: 3 }, 'multiple-sectors': { rating: 4 } },
    });
    const set = revealed.body.checks.find((c: { moment: string }) => c.moment === 'start');
    expect(set.revealedAt).not.toBeNull();
    expect(set.answers).toHaveLength(4);
    expect(set.outcome.advice).toMatchObject({
      verdict: 'not-yet',
      weak: ['trust'],
      startWith: ['trust', 'transparency'],
    });
    const trust = set.outcome.criteria.find((c: { criterionId: string }) => c.criterionId === 'trust');
    expect(trust).toMatchObject({ status: 'weak', lowest: 1, differ: true });
    expect((await a.client.put(`/collaborations/${id}/process/checks/start`, { answers })).status).toBe(409);
  });

  it('never shows a leaver’s drafts, before or after the reveal', async () => {
    const { a, b, id } = await pair();
    const c = await signUpWithOrganisation(t.app, 'Gemeente Proces');
    await invitePartner(a.client, c.client, id);
    await c.client.put(`/collaborations/${id}/process/checks/start`, {
      answers: { urgency: { rating: 2, note: 'geheim concept van de gemeente' } },
    });
    await a.client.post(`/collaborations/${id}/process/checks/start/submit`, {
      answers: { urgency: { rating: 4 } },
    });
    await b.client.post(`/collaborations/${id}/process/checks/start/submit`, {
      answers: { urgency: { rating: 4 } },
    });
    expect((await c.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    const after = await a.client.get(`/collaborations/${id}/process`);
    const set = after.body.checks.find((x: { moment: string }) => x.moment === 'start');
    expect(set.revealedAt).not.toBeNull();
    expect(JSON.stringify(after.body)).not.toContain('geheim');
    expect(set.answers.every((x: { organisationId: string }) => x.organisationId !== c.organisationId)).toBe(
      true,
    );
  });
});

describe('pilots, go/no-go and cycles', () => {
  it('measures criteria, decides only together, and carries the deliverables into a new cycle', async () => {
    const { a, b, id } = await pair();
    const measurement = await a.client.put(`/collaborations/${id}/process/deliverables/measurement-system`, {
      baseVersion: 0,
      content: {
        indicators: [{ name: 'Mensen geplaatst', unit: 'personen', baseline: 0, target: 12 }],
        criteria: [{ indicator: 'Mensen geplaatst', comparator: 'gte', threshold: 10, byWhen: '2027-06-30' }],
      },
    });
    const criterion = measurement.body.criteria[0];
    expect(criterion).toMatchObject({ threshold: 10, result: 'not-measured' });
    expect(criterion.id).toMatch(/^[A-Za-z0-9_-]+$/);

    const pilot = await b.client.post(`/collaborations/${id}/process/pilots`, {
      title: 'Tien leerwerkplekken op twee bouwplaatsen',
      startsOn: daysFromToday(-30),
      endsOn: daysFromToday(90),
    });
    expect(pilot.status).toBe(200);
    expect(pilot.body.pilots[0]).toMatchObject({ status: 'running' });
    const backwards = await b.client.patch(
      `/collaborations/${id}/process/pilots/${pilot.body.pilots[0].id}`,
      {
        endsOn: daysFromToday(-60),
      },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].field).toBe('endsOn');

    const measured = await b.client.put(`/collaborations/${id}/process/measurements/${criterion.id}`, {
      value: 11,
    });
    expect(measured.body.criteria[0]).toMatchObject({ measured: 11, result: 'met' });
    expect(measured.body.decision.suggestion).toBe('scale');
    expect((await b.client.put(`/collaborations/${id}/process/measurements/nope`, { value: 1 })).status).toBe(
      404,
    );

    // Not yet decided: a new cycle waits for the decision.
    expect((await a.client.post(`/collaborations/${id}/process/cycles`, {})).status).toBe(409);
    const one = await a.client.put(`/collaborations/${id}/process/decision`, {
      decision: 'scale',
      reason: 'Doel gehaald',
    });
    expect(one.body.decision).toMatchObject({ decided: null, waitingFor: [expect.any(String)] });
    const differ = await b.client.put(`/collaborations/${id}/process/decision`, { decision: 'adjust' });
    expect(differ.body.decision).toMatchObject({ decided: null, differ: true });
    const agreed = await b.client.put(`/collaborations/${id}/process/decision`, { decision: 'scale' });
    expect(agreed.body.decision.decided).toBe('scale');
    expect((await a.client.delete(`/collaborations/${id}/process/decision`)).status).toBe(409);

    const next = await a.client.post(`/collaborations/${id}/process/cycles`, { openRound: true });
    expect(next.status).toBe(200);
    expect(next.body.cycle).toMatchObject({ number: 2, current: true, roundNumber: 1 });
    expect(deliverable(next.body, 'measurement-system')).toMatchObject({ version: 1, state: 'draft' });
    expect(deliverable(next.body, 'measurement-system').content).toEqual(
      deliverable(measurement.body, 'measurement-system').content,
    );
    expect(next.body.pilots).toEqual([]);
    const earlier = await a.client.get(`/collaborations/${id}/process?cycle=1`);
    expect(earlier.body.cycle).toMatchObject({ number: 1, current: false, editable: false });
    expect(earlier.body.decision.decided).toBe('scale');
    // Earlier cycles are read-only: the pilot of cycle 1 cannot be changed from cycle 2.
    expect(
      (
        await b.client.patch(`/collaborations/${id}/process/pilots/${pilot.body.pilots[0].id}`, {
          results: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await a.client.get(`/collaborations/${id}/process?cycle=9`)).status).toBe(404);
  });
});

describe('documents', () => {
  it('export the process as JSON and PDF without a partner’s private drafts, and import as a template', async () => {
    const { a, b, id } = await pair();
    await a.client.put(`/collaborations/${id}/process/deliverables/project-organisation`, {
      baseVersion: 0,
      content: {
        backbone: a.organisationId,
        roles: [{ person: 'Sanne', organisation: a.organisationId, role: 'champion' }],
        meetingRhythm: 'Elke zes weken',
      },
    });
    await a.client.put(`/collaborations/${id}/process/deliverables/problem-definition`, {
      baseVersion: 0,
      content: { problem: 'Te weinig leerwerkplekken', rootCauses: ['Geen begeleiding'] },
    });
    await b.client.put(`/collaborations/${id}/process/checks/start`, {
      answers: { trust: { rating: 1, note: 'privé concept van Bouw' } },
    });

    const json = await a.client.get(`/collaborations/${id}/process/export.json`);
    expect(json.status).toBe(200);
    expect(json.body.format).toBe('impact-wheel/partnering-process');
    expect(json.body.cycles[0].deliverables['problem-definition'].content.problem).toBe(
      'Te weinig leerwerkplekken',
    );
    expect(JSON.stringify(json.body)).not.toContain('privé concept');

    const pdf = await a.client.get(`/collaborations/${id}/process/export.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.raw.rawPayload);
    expect(text).toContain('Problem definition');
    expect(text).toContain('Te weinig leerwerkplekken');
    expect(text).not.toContain('privé concept');
    const dutch = pdfText(
      (await a.client.get(`/collaborations/${id}/process/export.pdf?cycle=1`)).raw.rawPayload,
    );
    expect(dutch).toContain('Probleemdefinitie');

    // Another collaboration starts from it: drafts, with the other partners' organisations left out.
    const other = await twoPartners(t.app, ['Werkpoort Sjabloon', 'Bouw Sjabloon'], 'Sjabloon');
    await other.a.client.put(`/collaborations/${other.id}/process/deliverables/key-impacts`, {
      baseVersion: 0,
      content: { vision: 'Eigen visie' },
    });
    const imported = await other.a.client.post(`/collaborations/${other.id}/process/import`, json.body);
    expect(imported.status).toBe(200);
    expect(imported.body.imported.sort()).toEqual(['problem-definition', 'project-organisation']);
    const view = (await other.b.client.get(`/collaborations/${other.id}/process`)).body;
    expect(deliverable(view, 'problem-definition')).toMatchObject({ state: 'draft', version: 1 });
    expect(deliverable(view, 'project-organisation').content).toMatchObject({
      backbone: null,
      meetingRhythm: 'Elke zes weken',
      roles: [{ person: 'Sanne', organisation: null, role: 'champion' }],
    });
    // Importing again overwrites nothing: what is written stays.
    const again = await other.a.client.post(`/collaborations/${other.id}/process/import`, json.body);
    expect(again.body).toEqual({ imported: [], skipped: expect.arrayContaining(['problem-definition']) });

    const broken = structuredClone(json.body);
    broken.cycles[0].deliverables['key-impacts'] = { content: { horizonYears: 'lang' } };
    const refused = await other.a.client.post(`/collaborations/${other.id}/process/import`, broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe(
      'cycles.0.deliverables.key-impacts.content.horizonYears',
    );
    const wrongFormat = await other.a.client.post(`/collaborations/${other.id}/process/import`, {
      format: 'x',
    });
    expect(wrongFormat.status).toBe(400);
    expect(
      deliverable((await other.a.client.get(`/collaborations/${other.id}/process`)).body, 'key-impacts')
        .content,
    ).toEqual({
      vision: 'Eigen visie',
    });
    const stranger = await signUpWithOrganisation(t.app, 'Buiten Export');
    expect((await stranger.client.get(`/collaborations/${id}/process/export.json`)).status).toBe(404);
  });
});

describe('actions and agreements of a deliverable', () => {
  it('belong to a wheel topic or a deliverable, never both or neither, and share one list', async () => {
    const { a, id } = await pair();
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      deliverableId: 'implementation-plan',
      text: 'Begroting rondmaken met de gemeente',
      dueDate: '2027-01-15',
    });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({ topicId: null, deliverableId: 'implementation-plan' });
    const agreement = await a.client.post(`/collaborations/${id}/agreements`, {
      deliverableId: 'measurement-system',
      text: 'We meten elk kwartaal',
    });
    expect(agreement.status).toBe(201);
    expect(agreement.body).toMatchObject({ topicId: null, deliverableId: 'measurement-system' });
    for (const body of [
      { text: 'Beide', topicId: 'trust', deliverableId: 'actors-map' },
      { text: 'Geen van beide' },
      { text: 'Onbekend', deliverableId: 'koffie' },
    ]) {
      const refused = await a.client.post(`/collaborations/${id}/actions`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.details[0].field).toMatch(/^(topicId|deliverableId)$/);
    }
    await a.client.post(`/collaborations/${id}/actions`, { topicId: 'trust', text: 'Kennismaken' });
    const list = (await a.client.get(`/collaborations/${id}/actions`)).body.actions;
    expect(list.map((x: { deliverableId: string | null }) => x.deliverableId).sort()).toEqual([
      'implementation-plan',
      null,
    ]);
    const ics = await a.client.get(`/collaborations/${id}/actions/${action.body.id}/calendar.ics?lang=nl`);
    expect(ics.status).toBe(200);
    expect(ics.raw.body.replace(/\r\n /g, '')).toContain('Implementatieplan en pilots');
    const csv = await a.client.get(`/collaborations/${id}/agreements.csv`);
    expect(csv.raw.body).toContain('Shared measurement system');
  });
});
