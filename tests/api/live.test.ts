import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpWithOrganisation, startTestApp, type TestApp, twoPartners } from './harness.ts';
import { openStream } from './live-stream.ts';

// Issue 11, point 1: live updates by server-sent events, authorised when opened and before every event.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const pair = () => twoPartners(t.app, ['Werkpoort Live', 'Bouw Live'], 'Live samen');

const answerAll = async (client: Awaited<ReturnType<typeof pair>>['a']['client'], id: string) => {
  for (const topicId of ['ambition', 'goals'])
    await client.put(`/collaborations/${id}/answers/${topicId}`, { rating: 3, answer: 'Geheim antwoord' });
};

describe('live updates of a collaboration', () => {
  it('tell a partner that the other submitted and that the round was revealed, and nothing of the answers', async () => {
    const { a, b, id } = await pair();
    const stream = await openStream(t.app, a.client, id);
    expect(stream.status).toBe(200);
    // Saving answers is private: it causes no event at all.
    await answerAll(b.client, id);
    await b.client.post(`/collaborations/${id}/submit`);
    const submitted = await stream.next('submitted');
    expect(submitted).toEqual({
      id: expect.stringMatching(/^\d+$/),
      collaborationId: id,
      kind: 'submitted',
      organisationId: b.organisationId,
      at: expect.any(String),
    });
    expect(stream.events.map((e) => e.kind)).toEqual(['submitted']);
    expect(JSON.stringify(stream.events)).not.toContain('Geheim');

    await answerAll(a.client, id);
    await a.client.post(`/collaborations/${id}/submit`);
    await stream.next('revealed');
    expect(stream.events.map((e) => e.kind)).toEqual(['submitted', 'submitted', 'revealed']);
    stream.close();
  });

  it('answer 404 to anyone not taking part, and 401 to nobody signed in, as the API does', async () => {
    const { id } = await pair();
    const stranger = await signUpWithOrganisation(t.app, 'Buitenstaander');
    const refused = await openStream(t.app, stranger.client, id);
    expect(refused.status).toBe(404);
    expect(refused.ended()).toBe(true);
    const { Client } = await import('./harness.ts');
    expect((await openStream(t.app, new Client(t.app), id)).status).toBe(401);
  });

  it('refuse a malformed collaboration id or Last-Event-ID with a 4xx naming it, never a 5xx', async () => {
    const { a, id } = await pair();
    for (const bad of ['not-a-uuid', '0000', `${'9'.repeat(400)}`, '%00']) {
      const refused = await openStream(t.app, a.client, bad);
      expect(refused.status, bad).toBeGreaterThanOrEqual(400);
      expect(refused.status, bad).toBeLessThan(500);
    }
    const tooLong = await openStream(t.app, a.client, id, { lastEventId: '1'.repeat(41) });
    expect(tooLong.status).toBe(400);
    // Any other id the browser might send is harmless: replayed from, or answered with a resync.
    for (const lastEventId of ['abc', '-1', '99999999999999999999', '0']) {
      const stream = await openStream(t.app, a.client, id, { lastEventId });
      expect(stream.status, lastEventId).toBe(200);
      stream.close();
    }
  });

  it('stop telling an organisation that left, even about the next change', async () => {
    const { a, b, id } = await pair();
    const stream = await openStream(t.app, b.client, id);
    await a.client
      .post(`/collaborations/${id}/agreements`, { topicId: 'goals', text: 'Eerst' })
      .catch(() => null);
    // Agreements come after the reveal; a new round tells the partner either way: use the actions list.
    await a.client.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Bellen' });
    await stream.next('action-changed');
    expect((await b.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    await a.client.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Na het vertrek' });
    // The leave itself was B's own change; what A does afterwards never reaches B, and the stream ends.
    await new Promise((r) => setTimeout(r, 300));
    expect(stream.events.filter((e) => e.kind === 'action-changed')).toHaveLength(1);
    expect(stream.ended()).toBe(true);
  });

  it('reach 40 people following at once, each exactly once', async () => {
    const { a, b, id } = await pair();
    const streams = await Promise.all(Array.from({ length: 40 }, () => openStream(t.app, a.client, id)));
    await b.client.post(`/collaborations/${id}/reveal-early`);
    await Promise.all(streams.map((s) => s.next('early-reveal')));
    for (const s of streams) {
      expect(s.events.filter((e) => e.kind === 'early-reveal')).toHaveLength(1);
      s.close();
    }
  });

  it('replay what a reconnecting browser missed, from the last event it saw', async () => {
    const { a, b, id } = await pair();
    const first = await openStream(t.app, a.client, id);
    await b.client.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Een' });
    const seen = await first.next('action-changed');
    first.close();
    await b.client.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Twee' });
    await b.client.post(`/collaborations/${id}/reveal-early`);
    const again = await openStream(t.app, a.client, id, { lastEventId: seen.id });
    await again.next('early-reveal');
    expect(again.events.map((e) => e.kind)).toEqual(['action-changed', 'early-reveal']);
    expect(again.events[0]!.id).not.toBe(seen.id);
    again.close();
    // An id from before anything kept: the browser is told to fetch everything again.
    const stale = await openStream(t.app, a.client, id, { lastEventId: '1' });
    await new Promise((r) => setTimeout(r, 200));
    expect(stale.resync || stale.events.length > 0).toBe(true);
    stale.close();
  });

  it('end when the server stops, so a stopping server never waits for an open browser', async () => {
    const other = await startTestApp();
    const a = await signUpWithOrganisation(other.app, 'Stopt');
    const id = (await a.client.post('/collaborations', { name: 'Tot straks', ambition: 'transaction' })).body
      .collaboration.id as string;
    const stream = await openStream(other.app, a.client, id);
    expect(stream.status).toBe(200);
    await other.close();
    await expect.poll(() => stream.ended()).toBe(true);
  });
});
