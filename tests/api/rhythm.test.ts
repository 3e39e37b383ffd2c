import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpWithOrganisation, startTestApp, type TestApp, twoPartners } from './harness.ts';
import { openStream } from './live-stream.ts';

// Issue 11, point 5: the rhythm of a collaboration — the next conversation and the cadence of rounds.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const pair = () => twoPartners(t.app, ['Werkpoort Ritme', 'Bouw Ritme'], 'Ritme, samen');

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('the rhythm of a collaboration', () => {
  it('is planned by one partner, seen by the other live, and downloadable as a calendar file', async () => {
    const { a, b, id } = await pair();
    const fresh = await b.client.get(`/collaborations/${id}`);
    expect(fresh.body.collaboration.rhythm).toEqual({
      nextConversation: null,
      cadence: 'off',
      nextRoundDue: null,
    });
    expect((await b.client.get(`/collaborations/${id}/next-conversation.ics`)).status).toBe(404);

    const stream = await openStream(t.app, b.client, id);
    const saved = await a.client.put(`/collaborations/${id}/rhythm`, {
      nextConversationAt: '2026-12-01T14:00:00+01:00',
      place: 'Werkpoort, Stationsplein 1',
      link: 'https://meet.example.org/ritme',
      cadence: 'two-monthly',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.collaboration.rhythm).toEqual({
      nextConversation: {
        at: '2026-12-01T13:00:00.000Z',
        place: 'Werkpoort, Stationsplein 1',
        link: 'https://meet.example.org/ritme',
      },
      cadence: 'two-monthly',
      nextRoundDue: null,
    });
    expect((await stream.next('collaboration-changed')).organisationId).toBe(a.organisationId);
    stream.close();

    const seen = await b.client.get(`/collaborations/${id}`);
    expect(seen.body.collaboration.rhythm.nextConversation.at).toBe('2026-12-01T13:00:00.000Z');
    const ics = await b.client.get(`/collaborations/${id}/next-conversation.ics?lang=en`);
    expect(ics.status).toBe(200);
    expect(ics.raw.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = unfold(ics.raw.body).split('\r\n');
    expect(lines).toContain('DTSTART:20261201T130000Z');
    expect(lines).toContain('SUMMARY:Conversation Ritme\\, samen');
    expect(lines).toContain('LOCATION:Werkpoort\\, Stationsplein 1');
    expect(lines).toContain(`UID:conversation-${id}@impactwheel`);
    const dutch = unfold((await b.client.get(`/collaborations/${id}/next-conversation.ics`)).raw.body);
    expect(dutch).toContain('SUMMARY:Gesprek Ritme\\, samen');

    // Clearing the date clears its place and link too, and keeps the cadence.
    const cleared = await b.client.put(`/collaborations/${id}/rhythm`, {
      nextConversationAt: null,
      place: 'ignored',
      cadence: 'two-monthly',
    });
    expect(cleared.body.collaboration.rhythm.nextConversation).toBeNull();
    expect(cleared.body.collaboration.rhythm.cadence).toBe('two-monthly');
  });

  it('asks for the next round a cadence after the reveal, and not while a round is open', async () => {
    const { a, b, id } = await pair();
    await a.client.put(`/collaborations/${id}/rhythm`, { nextConversationAt: null, cadence: 'quarterly' });
    for (const client of [a.client, b.client]) {
      await client.put(`/collaborations/${id}/answers/ambition`, { rating: 3, answer: null });
      await client.post(`/collaborations/${id}/submit`);
    }
    const revealed = await a.client.get(`/collaborations/${id}`);
    const revealedAt = revealed.body.currentRound.revealedAt as string;
    const due = new Date(revealedAt);
    due.setUTCMonth(due.getUTCMonth() + 3);
    expect(revealed.body.collaboration.rhythm.nextRoundDue).toBe(due.toISOString().slice(0, 10));
    const list = await b.client.get('/collaborations');
    const card = list.body.collaborations.find((c: { id: string }) => c.id === id);
    expect(card.rhythm.nextRoundDue).toBe(due.toISOString().slice(0, 10));

    await a.client.post(`/collaborations/${id}/rounds`);
    expect((await a.client.get(`/collaborations/${id}`)).body.collaboration.rhythm.nextRoundDue).toBeNull();
  });

  it('refuses bad input with the field named and keeps what was saved', async () => {
    const { a, id } = await pair();
    const good = {
      nextConversationAt: '2026-12-01T14:00:00+01:00',
      link: 'https://meet.example.org/x',
      cadence: 'monthly',
    };
    expect((await a.client.put(`/collaborations/${id}/rhythm`, good)).status).toBe(200);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...good, link: 'javascript:alert(1)' }, 'link'],
      [{ ...good, link: 'data:text/html,hi' }, 'link'],
      [{ ...good, link: 'meet.example.org' }, 'link'],
      [{ ...good, nextConversationAt: '0000-01-01T00:00:00Z' }, 'nextConversationAt'],
      [{ ...good, nextConversationAt: '2026-12-01T14:00:00' }, 'nextConversationAt'],
      [{ ...good, nextConversationAt: '2026-02-30T14:00:00Z' }, 'nextConversationAt'],
      [{ ...good, nextConversationAt: '99999-01-01T00:00:00Z' }, 'nextConversationAt'],
      [{ ...good, cadence: 'weekly' }, 'cadence'],
      [{ nextConversationAt: good.nextConversationAt }, 'cadence'],
      [{ ...good, place: 'x'.repeat(301) }, 'place'],
      [{ ...good, place: 'a\u0000b' }, 'place'],
    ];
    for (const [body, field] of bad) {
      const answer = await a.client.put(`/collaborations/${id}/rhythm`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const kept = await a.client.get(`/collaborations/${id}`);
    expect(kept.body.collaboration.rhythm.nextConversation.link).toBe('https://meet.example.org/x');
    expect(kept.body.collaboration.rhythm.cadence).toBe('monthly');
  });

  it('is hidden from outsiders and read-only once archived', async () => {
    const { a, id } = await pair();
    const outsider = await signUpWithOrganisation(t.app, 'Buiten Ritme');
    const body = { nextConversationAt: '2026-12-01T14:00:00+01:00', cadence: 'monthly' };
    expect((await outsider.client.put(`/collaborations/${id}/rhythm`, body)).status).toBe(404);
    await a.client.put(`/collaborations/${id}/rhythm`, body);
    expect((await outsider.client.get(`/collaborations/${id}/next-conversation.ics`)).status).toBe(404);
    await a.client.post(`/collaborations/${id}/archive`);
    expect((await a.client.put(`/collaborations/${id}/rhythm`, body)).status).toBe(409);
    expect((await a.client.get(`/collaborations/${id}/next-conversation.ics`)).status).toBe(200);
  });

  it('puts an action with a due date in the calendar as an all-day entry, and refuses one without', async () => {
    const { a, b, id } = await pair();
    const dated = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Bel de jobcoach; plan intake',
      dueDate: '2026-12-31',
    });
    const undated = await a.client.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Later' });
    const ics = await b.client.get(`/collaborations/${id}/actions/${dated.body.id}/calendar.ics?lang=nl`);
    expect(ics.status).toBe(200);
    const lines = unfold(ics.raw.body).split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('SUMMARY:Actie: Bel de jobcoach\\; plan intake');
    expect((await b.client.get(`/collaborations/${id}/actions/${undated.body.id}/calendar.ics`)).status).toBe(
      404,
    );
    const other = await pair();
    expect(
      (await other.a.client.get(`/collaborations/${other.id}/actions/${dated.body.id}/calendar.ics`)).status,
    ).toBe(404);
    expect(
      (await b.client.get(`/collaborations/${id}/actions/${dated.body.id}/calendar.ics?lang=fr`)).status,
    ).toBe(400);
  });
});
