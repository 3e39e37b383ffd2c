import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Database, openDatabase } from '../../src/server/db/client.ts';
import { createLogger } from '../../src/server/logger.ts';
import { ensureWebBuild } from '../../src/server/web-build.ts';
import {
  addWitness,
  type Client,
  pdfText,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
} from './harness.ts';

// Adversarial tests of the refactor of 24 Nov: the collaboration split (leave runs the wheel's lifecycle hook in
// the same transaction), the static landing page on "/", and @fastify/compress. Each test names the attack it
// models. Everything but the landing page runs on PGlite and on PostgreSQL (TEST_DATABASE_URL), where requests
// really run concurrently.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Org = { client: Client; organisationId: string };

/** Decodes a body by its Content-Encoding, as a browser would; fails on an encoding a browser never asked for. */
function decoded(response: LightMyRequestResponse): Buffer {
  const encoding = String(response.headers['content-encoding'] ?? 'identity');
  const raw = response.rawPayload;
  switch (encoding) {
    case 'br':
      return brotliDecompressSync(raw);
    case 'gzip':
      return gunzipSync(raw);
    case 'deflate':
      return inflateSync(raw);
    case 'identity':
      return raw;
    default:
      throw new Error(`unexpected content-encoding ${encoding}`);
  }
}

/** A request as the client would send it, without the harness's JSON parsing (which cannot read a compressed body). */
function raw(
  client: Client,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: {
      cookie: client.cookie!,
      ...(method === 'GET' ? {} : { 'x-csrf-token': client.csrf! }),
      ...headers,
    },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

async function invite(inviter: Client, joiner: Client, id: string): Promise<void> {
  const invitation = await inviter.post(`/collaborations/${id}/invitations`);
  expect(invitation.status).toBe(201);
  const token = String(invitation.body.link).split('/partner-invitations/')[1];
  const accepted = await joiner.post(`/partner-invitations/${token}/accept`);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
}

/** Three organisations, reused across collaborations (sign-up hashes passwords, which is slow). */
let orgs: { A: Org; B: Org; C: Org } | undefined;
async function organisations() {
  orgs ??= {
    A: await signUpWithOrganisation(t.app, 'Alfa Werkt'),
    B: await signUpWithOrganisation(t.app, 'Bravo Bouw'),
    C: await signUpWithOrganisation(t.app, 'Charlie Gemeente'),
  };
  return orgs;
}

/** A fresh collaboration started by A, joined by B and C. */
async function trio(name = 'Drietal') {
  const { A, B, C } = await organisations();
  const created = await A.client.post('/collaborations', { name, ambition: 'integration', purpose: 'Samen' });
  expect(created.status).toBe(201);
  const id = created.body.collaboration.id as string;
  await invite(A.client, B.client, id);
  await invite(A.client, C.client, id);
  return { id, A, B, C };
}

async function answer(org: Org, id: string, topicId: string, text: string): Promise<void> {
  const saved = await org.client.put(`/collaborations/${id}/answers/${topicId}`, { rating: 2, answer: text });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

/** The round as the starter (who never leaves in these tests) sees it. */
async function roundState(A: Org, id: string) {
  const round = await A.client.get(`/collaborations/${id}/rounds/1`);
  expect(round.status).toBe(200);
  return round.body as {
    revealedAt: string | null;
    revealReason: string | null;
    status: { organisationId: string; submitted: boolean }[];
    answers: { organisationId: string; answer: string | null }[];
  };
}

describe('leaving a collaboration runs the wheel lifecycle inside the same transaction', () => {
  it('attack: the last non-submitter leaves; the round must reveal to the partners left behind', async () => {
    const { id, A, B, C } = await trio();
    await answer(A, id, 'ambition', 'Antwoord van Alfa');
    await answer(B, id, 'ambition', 'Antwoord van Bravo');
    expect((await A.client.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: false });
    expect((await B.client.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: false });
    expect((await roundState(A, id)).revealedAt).toBeNull();

    expect((await C.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    const after = await roundState(A, id);
    expect(after.revealedAt).not.toBeNull();
    expect(after.revealReason).toBe('all-submitted');
    expect(after.status.map((s) => s.organisationId).sort()).toEqual(
      [A.organisationId, B.organisationId].sort(),
    );
    // B now sees A's answer: the reveal really happened for the partners, not only in a flag.
    const workspace = await B.client.get(`/collaborations/${id}`);
    expect(JSON.stringify(workspace.body.currentRound.answers)).toContain('Antwoord van Alfa');
    expect(workspace.body.placement).not.toBeNull();
    // C is out: 404, not the revealed round.
    expect((await C.client.get(`/collaborations/${id}/rounds/1`)).status).toBe(404);
  });

  it('attack: a partner that did not submit leaves; the round must not reveal while another still has to submit', async () => {
    const { id, A, B, C } = await trio();
    await A.client.post(`/collaborations/${id}/submit`);
    expect((await C.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    expect((await roundState(A, id)).revealedAt).toBeNull();
    expect((await B.client.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: true });
  });

  it('attack: a partner leaves an archived collaboration; the read-only round must not reveal', async () => {
    const { id, A, B, C } = await trio();
    await answer(A, id, 'ambition', 'Antwoord van Alfa');
    await A.client.post(`/collaborations/${id}/submit`);
    await B.client.post(`/collaborations/${id}/submit`);
    expect((await A.client.post(`/collaborations/${id}/archive`)).status).toBe(200);
    expect((await C.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    expect((await roundState(A, id)).revealedAt).toBeNull();
    const workspace = await B.client.get(`/collaborations/${id}`);
    expect(JSON.stringify(workspace.body.currentRound.answers)).not.toContain('Antwoord van Alfa');
  });

  // Issue 9, point 1: the reveal after a leave showed every rating stored for the round, including the leaver's
  // unsubmitted drafts (and the stage placement was computed with them); the self-assessment showed its draft
  // answers and ambition text.
  it('attack: leave with private drafts; the reveal must not show what the leaver never submitted', async () => {
    const { id, A, B, C } = await trio();
    await answer(C, id, 'equality', 'Concept van Charlie, nooit ingediend');
    const draft = await C.client.put(`/collaborations/${id}/assessment`, {
      answers: { [assessment.items[0]!.id]: 1 },
      ambitions: { individual: { text: 'Ambitie-concept van Charlie', priority: 1 } },
    });
    expect(draft.status).toBe(200);
    await A.client.post(`/collaborations/${id}/submit`);
    await B.client.post(`/collaborations/${id}/submit`);
    await A.client.post(`/collaborations/${id}/assessment/submit`);
    await B.client.post(`/collaborations/${id}/assessment/reveal-early`);
    expect((await C.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    const round = await roundState(A, id);
    expect(round.revealedAt).not.toBeNull();
    const seenByA = JSON.stringify([round, (await A.client.get(`/collaborations/${id}`)).body]);
    expect(seenByA).not.toContain('Concept van Charlie');
    expect(seenByA).not.toContain(C.organisationId);
    const report = await A.client.request('GET', `/collaborations/${id}/rounds/1/report.pdf?lang=nl`);
    expect(pdfText(report.raw.rawPayload)).not.toContain('Concept van Charlie');
    const selfAssessment = await A.client.get(`/collaborations/${id}/assessment?round=1`);
    expect(selfAssessment.status).toBe(200);
    expect(selfAssessment.body.round.revealedAt).not.toBeNull();
    const assessmentText = JSON.stringify(selfAssessment.body);
    expect(assessmentText).not.toContain('Ambitie-concept van Charlie');
    expect(assessmentText).not.toContain(C.organisationId);
  });

  it('a partner that submitted and then left: its answers stay, labelled with its name, in the round, the workspace and the PDF', async () => {
    const { id, A, B, C } = await trio();
    await answer(C, id, 'equality', 'Ingediend door Charlie');
    expect((await C.client.post(`/collaborations/${id}/submit`)).status).toBe(200);
    expect((await C.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    await A.client.post(`/collaborations/${id}/submit`);
    await B.client.post(`/collaborations/${id}/submit`);
    const round = await roundState(A, id);
    expect(round.revealedAt).not.toBeNull();
    expect(round.answers.find((a) => a.organisationId === C.organisationId)?.answer).toBe(
      'Ingediend door Charlie',
    );
    const workspace = (await A.client.get(`/collaborations/${id}`)).body;
    expect(workspace.participants.map((p: { organisationId: string }) => p.organisationId)).not.toContain(
      C.organisationId,
    );
    expect(workspace.formerParticipants).toEqual([
      expect.objectContaining({ organisationId: C.organisationId, name: 'Charlie Gemeente' }),
    ]);
    const report = await A.client.request('GET', `/collaborations/${id}/rounds/1/report.pdf?lang=nl`);
    const text = pdfText(report.raw.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Charlie Gemeente (voormalig partner): Ingediend door Charlie');
    expect(text).not.toMatch(/(^|\n)\s*: /);
  });

  it('attack: leave, then rejoin by a new invitation, to read the partners’ answers of the unrevealed round', async () => {
    const { id, A, B, C } = await trio();
    await answer(A, id, 'ambition', 'Geheim van Alfa');
    await answer(B, id, 'ambition', 'Geheim van Bravo');
    await A.client.post(`/collaborations/${id}/submit`);
    await answer(C, id, 'trust', 'Eigen concept van Charlie');
    expect((await C.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    expect((await roundState(A, id)).revealedAt).toBeNull();

    await invite(A.client, C.client, id);
    const reads = [
      C.client.get(`/collaborations/${id}`),
      C.client.get(`/collaborations/${id}/rounds/1`),
      C.client.get('/collaborations'),
      C.client.get(`/collaborations/${id}/actions`),
      C.client.get(`/collaborations/${id}/assessment`),
    ];
    for (const response of await Promise.all(reads)) {
      expect(response.status).toBeLessThan(500);
      const text = JSON.stringify(response.body ?? {});
      expect(text).not.toContain('Geheim van Alfa');
      expect(text).not.toContain('Geheim van Bravo');
      expect(text).not.toMatch(new RegExp(`"organisationId":"${A.organisationId}","topicId"`));
      expect(text).not.toMatch(new RegExp(`"organisationId":"${B.organisationId}","topicId"`));
    }
    const pdf = await C.client.request('GET', `/collaborations/${id}/rounds/1/report.pdf?lang=nl`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.raw.rawPayload);
    expect(text).not.toContain('Geheim van');

    const round = (await C.client.get(`/collaborations/${id}/rounds/1`)).body;
    expect(
      round.answers.every((a: { organisationId: string }) => a.organisationId === C.organisationId),
    ).toBe(true);
    // The rejoined partner counts again: B submitting alone does not reveal the round behind C's back.
    expect((await B.client.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: false });
    expect((await roundState(A, id)).revealedAt).toBeNull();
    expect((await C.client.post(`/collaborations/${id}/submit`)).body).toEqual({ revealed: true });
  });

  it('attack: 40 parallel requests, each collaboration with B submitting while C leaves: no 5xx, no deadlock, consistent reveal', async () => {
    const { A, B, C } = await organisations();
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push((await trio(`Race ${i}`)).id);
    for (const id of ids) await A.client.post(`/collaborations/${id}/submit`);

    const started = Date.now();
    const results = await Promise.all(
      ids.flatMap((id, i) => {
        const submit = B.client.post(`/collaborations/${id}/submit`);
        const leave = C.client.post(`/collaborations/${id}/leave`);
        return i % 2 ? [leave, submit] : [submit, leave];
      }),
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);

    for (const id of ids) {
      const round = await roundState(A, id);
      expect(round.status.map((s) => s.organisationId).sort()).toEqual(
        [A.organisationId, B.organisationId].sort(),
      );
      expect(round.revealedAt, id).not.toBeNull();
      expect(round.revealReason).toBe('all-submitted');
    }
  });

  it('attack: three-way race (A submits, B submits, C leaves) across 14 collaborations: revealed exactly when the remaining partners all submitted', async () => {
    const { A, B, C } = await organisations();
    const ids: string[] = [];
    for (let i = 0; i < 14; i += 1) ids.push((await trio(`Drieweg ${i}`)).id);
    const results = await Promise.all(
      ids.flatMap((id, i) => {
        const ops = [
          () => A.client.post(`/collaborations/${id}/submit`),
          () => C.client.post(`/collaborations/${id}/leave`),
          // Every third collaboration B does not submit: those rounds must stay closed.
          ...(i % 3 === 2 ? [] : [() => B.client.post(`/collaborations/${id}/submit`)]),
        ];
        return (i % 2 ? ops.reverse() : ops).map((op) => op());
      }),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    for (const [i, id] of ids.entries()) {
      const round = await roundState(A, id);
      const everyoneSubmitted = round.status.every((s) => s.submitted);
      expect(everyoneSubmitted, id).toBe(i % 3 !== 2);
      expect(Boolean(round.revealedAt), id).toBe(everyoneSubmitted);
    }
  });

  // BUG (PostgreSQL only; the refactor's `leave` reads the remaining partners before it takes the round's lock,
  // where the old code locked the round first): when B and C leave at the same moment, each transaction sees
  // the other still taking part, so neither reveals: A, who submitted and is now alone, is stuck with an open
  // round (no new round can start) until it asks for an early reveal. 8 to 14 of the 20 collaborations stick on
  // each run. PGlite runs one transaction at a time, so there it passes; after the fix make this a plain `it`.
  it('attack: two non-submitters leave at the same moment; the partners left behind, one submitted, get the reveal', async () => {
    const { A, B, C } = await organisations();
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push((await trio(`Vertrek ${i}`)).id);
    // A fourth partner that chose to look together, so the two left behind meet the rule (RULES.md).
    let witness = '';
    for (const id of ids) {
      witness = (await (await addWitness(t.app, A.client, id)).get('/organisation')).body.id;
      await A.client.post(`/collaborations/${id}/submit`);
    }
    const results = await Promise.all(
      ids.flatMap((id) => [
        B.client.post(`/collaborations/${id}/leave`),
        C.client.post(`/collaborations/${id}/leave`),
      ]),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const unrevealed: string[] = [];
    for (const id of ids) {
      const round = await roundState(A, id);
      expect(round.status).toEqual(
        expect.arrayContaining([
          { organisationId: A.organisationId, submitted: true, earlyReveal: false },
          { organisationId: witness, submitted: false, earlyReveal: true },
        ]),
      );
      expect(round.status).toHaveLength(2);
      if (!round.revealedAt) unrevealed.push(id);
    }
    expect(unrevealed).toEqual([]);
  });

  it('attack: both partners leave at the same moment; the one left alone gets no reveal', async () => {
    const { A, B, C } = await organisations();
    const { id } = await trio('Alleen achtergelaten');
    await A.client.post(`/collaborations/${id}/submit`);
    await Promise.all([
      B.client.post(`/collaborations/${id}/leave`),
      C.client.post(`/collaborations/${id}/leave`),
    ]);
    expect((await roundState(A, id)).revealedAt).toBeNull();
  });

  it('attack: agreement and action writes on an archived collaboration get 409; by an outsider or a partner that left, 404', async () => {
    const { id, A, B, C } = await trio();
    const other = await trio('Ander');
    const agreement = await A.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'ambition',
      text: 'Origineel',
    });
    const action = await A.client.post(`/collaborations/${id}/actions`, {
      topicId: 'risk',
      text: 'Origineel',
    });
    const otherAgreement = await A.client.post(`/collaborations/${other.id}/agreements`, {
      topicId: 'ambition',
      text: 'Van de andere samenwerking',
    });
    const otherAction = await A.client.post(`/collaborations/${other.id}/actions`, {
      topicId: 'risk',
      text: 'Van de andere samenwerking',
    });
    expect([agreement.status, action.status, otherAgreement.status, otherAction.status]).toEqual([
      201, 201, 201, 201,
    ]);
    const writes = (client: Client, collaborationId: string, agreementId: string, actionId: string) => [
      client.post(`/collaborations/${collaborationId}/agreements`, { topicId: 'ambition', text: 'x' }),
      client.patch(`/collaborations/${collaborationId}/agreements/${agreementId}`, { text: 'x', version: 1 }),
      client.delete(`/collaborations/${collaborationId}/agreements/${agreementId}`),
      client.post(`/collaborations/${collaborationId}/actions`, { topicId: 'risk', text: 'x' }),
      client.patch(`/collaborations/${collaborationId}/actions/${actionId}`, { done: true, version: 1 }),
      client.delete(`/collaborations/${collaborationId}/actions/${actionId}`),
    ];

    // Object ids of another collaboration, through one the caller does take part in.
    const crossing = await Promise.all([
      B.client.patch(`/collaborations/${id}/agreements/${otherAgreement.body.id}`, { text: 'x', version: 1 }),
      B.client.delete(`/collaborations/${id}/agreements/${otherAgreement.body.id}`),
      B.client.patch(`/collaborations/${id}/actions/${otherAction.body.id}`, { done: true, version: 1 }),
      B.client.delete(`/collaborations/${id}/actions/${otherAction.body.id}`),
    ]);
    for (const r of crossing) expect(r.status, JSON.stringify(r.body)).toBe(404);
    const otherWorkspace = (await A.client.get(`/collaborations/${other.id}`)).body;
    expect(otherWorkspace.agreements.map((a: { text: string }) => a.text)).toEqual([
      'Van de andere samenwerking',
    ]);
    expect(otherWorkspace.actions.map((a: { text: string; done: boolean }) => [a.text, a.done])).toEqual([
      ['Van de andere samenwerking', false],
    ]);

    expect((await C.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    expect((await A.client.post(`/collaborations/${id}/archive`)).status).toBe(200);

    for (const r of await Promise.all(writes(B.client, id, agreement.body.id, action.body.id))) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.code).toBe('archived');
    }
    const outsider = (await signUpWithOrganisation(t.app, 'Buitenstaander')).client;
    // 404 before 409: an archived collaboration's existence is not revealed to those outside it.
    for (const client of [outsider, C.client])
      for (const r of await Promise.all(writes(client, id, agreement.body.id, action.body.id)))
        expect(r.status, JSON.stringify(r.body)).toBe(404);

    const archived = (await A.client.get(`/collaborations/${id}`)).body;
    expect(archived.agreements.map((a: { text: string; version: number }) => [a.text, a.version])).toEqual([
      ['Origineel', 1],
    ]);
    expect(archived.actions.map((a: { text: string; done: boolean }) => [a.text, a.done])).toEqual([
      ['Origineel', false],
    ]);
  });
});

describe('compressed API answers (@fastify/compress)', () => {
  it('attack: an error answer asked for in Brotli must decode to JSON that names the field', async () => {
    const { id, A, B } = await trio('Compressie');
    const long = 'Wij delen elk kwartaal de cijfers met elkaar. '.repeat(60);
    const created = await A.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'ambition',
      text: long,
    });
    expect(created.status).toBe(201);
    await A.client.patch(`/collaborations/${id}/agreements/${created.body.id}`, {
      text: `${long}!`,
      version: 1,
    });

    // A stale edit: 409 with the current (long) text, so the answer is large enough to be compressed.
    const conflict = await raw(
      B.client,
      'PATCH',
      `/collaborations/${id}/agreements/${created.body.id}`,
      { 'accept-encoding': 'br' },
      { text: 'Anders', version: 1 },
    );
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers['content-type']).toMatch(/^application\/json/);
    expect(conflict.headers['content-encoding']).toBe('br');
    expect(conflict.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(conflict.headers['content-length'])).toBe(conflict.rawPayload.length);
    const body = JSON.parse(decoded(conflict).toString('utf8'));
    expect(body.error.code).toBe('edit_conflict');
    expect(body.error.details).toEqual([{ field: 'version', message: 'the current version is 2' }]);
    expect(body.current.text).toBe(`${long}!`);

    // A validation error, whatever its size, decodes the same way.
    const invalid = await raw(
      A.client,
      'POST',
      `/collaborations/${id}/actions`,
      { 'accept-encoding': 'br' },
      { topicId: 'risk', text: 'x', dueDate: 'morgen', owner: 'o'.repeat(5000) },
    );
    expect(invalid.statusCode).toBe(400);
    const invalidBody = JSON.parse(decoded(invalid).toString('utf8'));
    expect(invalidBody.error.code).toBe('invalid_input');
    expect(invalidBody.error.details.map((d: { field: string }) => d.field)).toContain('dueDate');
  });

  it('attack: the round PDF asked for with "gzip, br" must arrive uncorrupted', async () => {
    const { id, A } = await trio('PDF');
    await answer(A, id, 'ambition', 'Antwoord in het rapport');
    const response = await raw(A.client, 'GET', `/collaborations/${id}/rounds/1/report.pdf?lang=nl`, {
      'accept-encoding': 'gzip, br',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = decoded(response);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-8).toString()).toContain('%%EOF');
    if (response.headers['content-length'])
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(pdfText(pdf)).toContain('Antwoord in het rapport');
  });

  it('attack: garbage Accept-Encoding never gives a 5xx, and the body always decodes', async () => {
    const { id, A } = await trio('Rommel');
    const garbage = [
      'br;q=abc',
      'gzip;q=NaN, br;q=-1',
      'br;q=1e9999',
      `${'x'.repeat(4990)}, br`,
      'a'.repeat(5000),
      ','.repeat(5000),
      `${'br;q=0.5,'.repeat(555)}gzip`,
      ';;;;=,=,,;q=',
      '*',
      '*;q=0',
      'identity;q=0',
      'identity;q=0, *;q=0',
      'br;q=0, gzip;q=0, deflate;q=0, identity;q=0',
      'x-gzip',
      'zstd',
      'deflate',
      'GZIP',
      'br\tgzip',
      '\u00e9\u00e9',
    ];
    for (const encoding of garbage) {
      for (const url of [`/collaborations/${id}`, '/openapi.json', '/collaborations/not-a-uuid']) {
        const response = await raw(A.client, 'GET', url, { 'accept-encoding': encoding });
        const label = `${url} with accept-encoding ${JSON.stringify(encoding.slice(0, 40))}`;
        expect(response.statusCode, label).toBeLessThan(500);
        const body = decoded(response);
        expect(() => JSON.parse(body.toString('utf8')), label).not.toThrow();
      }
    }
  });

  it('attack: compressed request bodies (a gzip bomb, broken gzip, an unknown coding) get a 4xx, never a 5xx', async () => {
    const signIn = (payload: Buffer, encoding: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        payload,
      });
    // 50 MB of JSON whitespace in about 50 KB: the body limit (1 MB) must apply after inflating.
    const bomb = gzipSync(
      Buffer.concat([
        Buffer.from('{"email":"a@b.nl","password":"'),
        Buffer.alloc(50 * 1024 * 1024, 0x61),
        Buffer.from('"}'),
      ]),
    );
    const bombed = await signIn(bomb, 'gzip');
    expect(bombed.statusCode, bombed.body).toBe(413);
    expect(bombed.json().error.code).toBe('payload_too_large');

    const broken = await signIn(Buffer.from('not gzip at all'), 'gzip');
    expect(broken.statusCode, broken.body).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode, broken.body).toBeLessThan(500);

    const unknown = await signIn(Buffer.from('{}'), 'zstd');
    expect(unknown.statusCode, unknown.body).toBe(415);

    // And a well-formed compressed body is still understood (wrong password, not a parse error).
    const fine = await signIn(
      gzipSync(Buffer.from('{"email":"a@b.nl","password":"wrong password"}')),
      'gzip',
    );
    expect(fine.statusCode, fine.body).toBeLessThan(500);
    expect(fine.json().error.code).not.toBe('malformed_json');
  });
});

describe('malformed URLs on the API', () => {
  // BUG (older than today's refactor; found while attacking the Link header): a malformed percent-escape in an
  // API path is answered by Fastify's default handler with {"error":"Bad Request","code":"FST_ERR_BAD_URL",…}, not
  // the API's documented {error:{code,message,details}} (ZErrorResponse), so `error.code` reads undefined.
  it('attack: a malformed percent-escape in an API path gets the API’s own 400 error shape', async () => {
    const { A } = await organisations();
    for (const url of ['/collaborations/%E0%A4%A', '/collaborations/%ED%A0%80/actions']) {
      const response = await raw(A.client, 'GET', url, {});
      expect(response.statusCode, url).toBe(400);
      const body = response.json();
      expect(typeof body.error, `${url} ${response.body}`).toBe('object');
      expect(body.error.code, response.body).toEqual(expect.any(String));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The landing page on "/" needs the built web client; nothing here depends on the database engine.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.join(root, 'dist/web');

describe.runIf(!process.env.TEST_DATABASE_URL)('the static landing page and the web client, attacked', () => {
  let web: FastifyInstance;
  let webDb: Database;
  let landing: { nl: string; en: string };
  let indexHtml: string;
  beforeAll(async () => {
    await ensureWebBuild(root, webRoot, () => undefined);
    landing = {
      nl: readFileSync(path.join(webRoot, 'landing.nl.html'), 'utf8'),
      en: readFileSync(path.join(webRoot, 'landing.en.html'), 'utf8'),
    };
    indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    webDb = await openDatabase({ kind: 'pglite-memory' });
    ({ app: web } = await buildApp({
      database: webDb,
      logger: createLogger('error'),
      sessionSecret: 'test-secret-0123456789abcdef',
      publicUrl: 'http://localhost:3000',
      webRoot,
    }));
    await web.ready();
  });
  afterAll(async () => {
    await web?.close();
    await webDb?.close();
  });

  const home = (headers: Record<string, string> = {}, url = '/', method: 'GET' | 'HEAD' = 'GET') =>
    web.inject({ method, url, headers });

  async function signedInCookie(email: string): Promise<string> {
    const response = await web.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { name: 'Landing Aanvaller', email, password: 'a long enough password' },
    });
    expect(response.statusCode).toBe(201);
    return String(response.headers['set-cookie']).split(';')[0]!;
  }

  it('attack: odd iw_lang cookies (traversal, very long, unicode, duplicates, bad escapes) choose a language, never a file', async () => {
    const cases: [string, 'nl' | 'en' | 'either'][] = [
      ['iw_lang=../index', 'nl'],
      ['iw_lang=..%2F..%2Fpackage.json', 'nl'],
      ['iw_lang=../../../../etc/passwd', 'nl'],
      ['iw_lang=index.html', 'nl'],
      ['iw_lang=en%00', 'nl'],
      ['iw_lang=en/../nl', 'nl'],
      ['iw_lang=EN', 'nl'],
      ['iw_lang=%65%6e', 'en'],
      [`iw_lang=${'en'.repeat(4000)}`, 'nl'],
      ['iw_lang=%E0%A4%A', 'nl'],
      ['iw_lang=%C3%A9%F0%9F%98%80', 'nl'],
      ['iw_lang="en"', 'either'],
      ['iw_lang=', 'nl'],
      ['iw_lang', 'nl'],
      ['iw_lang=en; iw_lang=nl', 'en'],
      ['iw_lang=nl; iw_lang=en', 'nl'],
      ['iw_lang=en;;;; ;=;iw_lang', 'en'],
      [`${'x=1; '.repeat(1000)}iw_lang=en`, 'en'],
    ];
    for (const [cookie, lang] of cases) {
      const response = await home({ cookie });
      const label = cookie.slice(0, 60);
      expect(response.statusCode, label).toBe(200);
      expect(response.headers['content-type'], label).toMatch(/^text\/html/);
      if (lang === 'either') expect([landing.nl, landing.en], label).toContain(response.body);
      else expect(response.body, label).toBe(landing[lang]);
      expect(response.headers['set-cookie'], label).toBeUndefined();
    }
  });

  it('attack: HEAD / answers like GET / without a body, for first visitors and for the signed in', async () => {
    const get = await home();
    const head = await home({}, '/', 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['cache-control']).toBe('no-cache');
    expect(head.headers.vary).toMatch(/cookie/i);
    const cookie = await signedInCookie('head-visitor@example.org');
    const signedIn = await home({ cookie }, '/', 'HEAD');
    expect(signedIn.statusCode).toBe(302);
    expect(signedIn.headers.location).toBe('/dashboard');
  });

  it('attack: script in the query string of / is neither reflected nor carried into the redirect', async () => {
    for (const url of [
      '/?x=<script>alert(1)</script>',
      '/?x=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '/?next=//evil.com',
    ]) {
      const response = await home({}, url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(landing.nl);
      expect(response.headers.link, url).toBeUndefined();
    }
    const cookie = await signedInCookie('query-visitor@example.org');
    for (const url of ['/?x=<script>', '/?redirect=https://evil.com', '/?next=//evil.com']) {
      const response = await home({ cookie }, url);
      expect(response.statusCode, url).toBe(302);
      expect(response.headers.location, url).toBe('/dashboard');
    }
  });

  it('attack: //evil.com, backslashes and encoded dot segments give no open redirect and no file outside the build', async () => {
    const cookie = await signedInCookie('redirect-visitor@example.org');
    const urls = [
      '//evil.com',
      '//evil.com/',
      '///evil.com',
      '/\\evil.com',
      '/%5C%5Cevil.com',
      '/%2F%2Fevil.com',
      '//evil.com/%2e%2e',
      '/%2e%2e/',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%5c..%5cpackage.json',
      '/landing.nl.html/..%2f..%2fpackage.json',
      '/.vite/manifest.json/../../package.json',
      '/%00',
      '/assets/%00.js',
    ];
    for (const url of urls) {
      for (const headers of [{}, { cookie }] as Record<string, string>[]) {
        const response = await home(headers, url);
        const label = `${url} ${'cookie' in headers ? 'signed in' : 'first visit'}`;
        expect(response.statusCode, label).toBeLessThan(500);
        const location = response.headers.location;
        if (location !== undefined) {
          expect(String(location), label).toMatch(/^\/(?![/\\])/);
        }
        expect(response.body, label).not.toContain('"devDependencies"');
        expect(response.body, label).not.toContain('root:x:0:0');
        if (response.statusCode === 200)
          expect([indexHtml, landing.nl, landing.en], label).toContain(response.body);
      }
    }
  });

  it('attack: a forged, expired or signed-out session on / is a first visit, never the dashboard and never a 5xx', async () => {
    const forged = [
      'iw_session=not-a-session',
      `iw_session=${'A'.repeat(8000)}`,
      'iw_session=%E0%A4%A',
      'iw_session=',
      'iw_session=x; iw_session=y',
      "iw_session=' or 1=1 --",
    ];
    for (const cookie of forged) {
      const response = await home({ cookie });
      expect(response.statusCode, cookie.slice(0, 40)).toBe(200);
      expect(response.body).toBe(landing.nl);
    }

    // Expired in the database before the server ever saw it (so no cached copy can vouch for it).
    const expired = await signedInCookie('expired-visitor@example.org');
    await webDb.db.execute(sql`update sessions set expires_at = now() - interval '1 day'`);
    const late = await home({ cookie: expired });
    expect(late.statusCode).toBe(200);
    expect(late.body).toBe(landing.nl);

    // Signed out: the cookie the browser may still send is worthless at once.
    const cookie = await signedInCookie('signed-out-visitor@example.org');
    expect((await home({ cookie })).statusCode).toBe(302);
    const me = await web.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    const signOut = await web.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie, 'x-csrf-token': me.json().csrfToken },
    });
    expect(signOut.statusCode).toBe(200);
    const after = await home({ cookie });
    expect(after.statusCode).toBe(200);
    expect(after.body).toBe(landing.nl);
  });

  it('attack: CRLF, commas and angle brackets in a client route must not inject headers or Link values', async () => {
    // Malformed escapes are refused by Fastify's router (400) before any of our code runs; the rest get the app.
    const urls: [string, 200 | 400][] = [
      ['/collaborations/x%0d%0aSet-Cookie:%20pwned=1', 200],
      ['/collaborations/x%0D%0ALocation:%20https://evil.com', 200],
      ['/collaborations/x%3E;%20rel=preload;%20as=script,%20%3Chttps://evil.com/x.js', 200],
      ['/collaborations/x%3E;%20rel=preload;%20as=script,%20%3Chttps:%2F%2Fevil.com%2Fx.js', 200],
      ['/collaborations/%3Chttps:%2F%2Fevil.com%3E', 200],
      ['/collaborations/..%2F..%2Fevil', 200],
      ['/collaborations/%E0%A4%A', 400],
      ['/collaborations/%ED%A0%80', 400],
      ['/collaborations/%00', 200],
      ['/collaborations/%C3%BC%F0%9F%98%80', 200],
      [`/collaborations/${'%41'.repeat(3000)}`, 200],
      ['/collaborations/x?%0d%0aSet-Cookie:pwned=1', 200],
    ];
    for (const [url, status] of urls) {
      const response = await home({ 'accept-encoding': 'br, gzip' }, url);
      const label = url.slice(0, 70);
      expect(response.statusCode, label).toBe(status);
      if (status === 200) expect(decoded(response).toString('utf8'), label).toBe(indexHtml);
      expect(response.headers['set-cookie'], label).toBeUndefined();
      expect(response.headers.location, label).toBeUndefined();
      const link = String(response.headers.link ?? '');
      expect(link, label).not.toMatch(/[\r\n]/);
      const targets = [...link.matchAll(/<([^>]*)>/g)].map((m) => m[1]!);
      // Every value between angle brackets is one of ours: a same-origin path, and exactly one per comma.
      expect(targets.length, label).toBe(link ? link.split(', <').length : 0);
      for (const target of targets) {
        expect(target, label).toMatch(/^\/(?![/\\])/);
        expect(target, label).not.toMatch(/[<>\s,;"]/);
      }
      expect(link, label).not.toContain('rel=preload; as=script');
    }
  });
});
