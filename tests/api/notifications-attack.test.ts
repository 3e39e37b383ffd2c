import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, notifications, platformRoles } from '../../src/server/db/schema/index.ts';
import { keyedHash } from '../../src/server/http/secrets.ts';
import {
  addMember,
  Client,
  invitePartner,
  signUp,
  signUpWithOrganisation,
  type TestApp,
  twoPartners,
} from './harness.ts';
import { type SmtpSink, startAppWithSmtpSink } from './smtp-sink.ts';

// Issue 11, an adversary's review of notifications, the job queue and the rhythm: what a partner that left, a
// removed member, a stranger with a forged link or a hostile partner typing control characters can get out of
// them. Every sweep runs at a moment of its own (a quarter hour is swept once per installation).
let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
const SECRET = 'test-secret-0123456789abcdef'; // the harness's SESSION_SECRET
beforeAll(async () => {
  ({ t, sink, close } = await startAppWithSmtpSink());
});
afterAll(() => close());

let pairs = 0;
async function pair(names = ['Werkpoort Aanval', 'Bouw Aanval'], collaboration?: string) {
  pairs++;
  const name = collaboration ?? `Aanval ${pairs}`;
  return { ...(await twoPartners(t.app, [names[0]!, names[1]!], name)), name };
}

type Notice = {
  id: string;
  kind: string;
  collaboration: { id: string; name: string } | null;
  action: { id: string; text: string } | null;
};
const notices = async (client: Client, collaborationId?: string) =>
  ((await client.get('/me/notifications?limit=200')).body.notifications as Notice[]).filter(
    (n) => !collaborationId || n.collaboration?.id === collaborationId,
  );
const kindsIn = async (client: Client, collaborationId: string) =>
  (await notices(client, collaborationId)).map((n) => n.kind);
const mailTo = async (client: Client) => {
  const me = await client.get('/me');
  return sink.received.filter((m) => m.to === me.body.user.email);
};
const submit = async (client: Client, id: string) => {
  await client.put(`/collaborations/${id}/answers/ambition`, { rating: 3, answer: null });
  return client.post(`/collaborations/${id}/submit`);
};
const at = (iso: string) => new Date(iso);

/** A member of an organisation joins it (again) through a fresh invitation from its admin. */
async function rejoinOrganisation(admin: Client, member: Client) {
  const invitation = await admin.post('/organisation/invitations', { role: 'member' });
  const token = String(invitation.body.link).split('/invitations/')[1]!;
  const accepted = await member.post(`/invitations/${token}/accept`);
  expect(accepted.status).toBe(200);
}

describe('a leaver is told nothing', () => {
  it('an organisation that left and came back sees nothing of what happened while it was away, and got no reminder or e-mail', async () => {
    const { a, b, id, name } = await pair(['Werkpoort Terug', 'Bouw Terug'], 'Terugkeer samen');
    const member = await addMember(t.app, b.client);
    await a.client.put(`/collaborations/${id}/rhythm`, {
      nextConversationAt: '2033-03-10T10:00:00+01:00',
      cadence: 'off',
    });
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Terugkeer actie',
      ownerUserId: member.userId,
      dueDate: '2033-03-11',
    });
    expect(action.status).toBe(201);
    expect(
      (await a.client.post(`/collaborations/${id}/agreements`, { topicId: 'goals', text: 'Voor vertrek' }))
        .status,
    ).toBe(201);
    await t.runJobs(at('2033-01-01T08:00:00Z')); // the action's e-mail goes out while they take part
    expect(await kindsIn(member, id)).toEqual(['agreement-changed', 'action-assigned']);
    expect(await kindsIn(b.client, id)).toEqual(['agreement-changed']);
    const mailBefore = {
      member: (await mailTo(member)).length,
      admin: (await mailTo(b.client)).length,
    };

    expect((await b.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    // While away: a submit, a new agreement, a conversation tomorrow and an action due soon.
    expect((await submit(a.client, id)).status).toBe(200);
    await a.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'goals',
      text: 'Tijdens afwezigheid',
    });
    await t.runJobs(at('2033-03-09T12:00:00Z'));
    for (const person of [b.client, member]) {
      expect(await notices(person, id)).toEqual([]);
      expect((await person.get('/me/notifications/unread')).body.unread).toBe(0);
    }
    // The reminder of the action goes to the one who wrote it down, not to the owner who left.
    expect(await kindsIn(a.client, id)).toContain('action-due-soon');
    expect((await mailTo(member)).slice(mailBefore.member).map((m) => m.subject)).toEqual([]);
    expect((await mailTo(b.client)).slice(mailBefore.admin).map((m) => m.subject)).toEqual([]);

    // Back again: what happened while away is not among their notices (the workspace shows what it shows).
    await invitePartner(a.client, b.client, id);
    await t.runJobs(at('2033-03-09T12:05:00Z')); // the same quarter hour: no new sweep, only e-mails
    for (const person of [b.client, member]) {
      const seen = await kindsIn(person, id);
      expect(seen).not.toContain('partner-submitted');
      expect(seen).not.toContain('conversation-tomorrow');
      expect(seen).not.toContain('action-due-soon');
      // Nor what they were told before they left: that stretch is over.
      expect(seen.filter((k) => k === 'agreement-changed')).toHaveLength(0);
    }
    expect(
      (await mailTo(member))
        .slice(mailBefore.member)
        .filter((m) => m.subject.includes(name) || m.text.includes(name)),
    ).toEqual([]);
  });

  it('a member removed from the organisation sees no notice, reminder or e-mail, not even after being added again', async () => {
    const { a, b, id, name } = await pair(['Werkpoort Weg', 'Bouw Weg'], 'Verwijderd samen');
    const member = await addMember(t.app, b.client);
    await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Actie voor wie weggaat',
      ownerUserId: member.userId,
      dueDate: '2033-04-11',
    });
    expect(await kindsIn(member, id)).toEqual(['action-assigned']);
    // Removed before the e-mail went out.
    expect((await b.client.delete(`/organisation/members/${member.userId}`)).status).toBe(200);
    expect(await notices(member, id)).toEqual([]);
    expect((await member.get('/me/notifications/unread')).body.unread).toBe(0);
    expect((await member.post('/me/notifications/read')).status).toBe(200);
    await submit(a.client, id);
    expect(await kindsIn(b.client, id)).toContain('partner-submitted'); // those still there are told
    await t.runJobs(at('2033-04-09T12:00:00Z'));
    expect(await kindsIn(a.client, id)).toContain('action-due-soon'); // to whoever wrote it down
    expect(
      (await mailTo(member)).filter((m) => m.subject.includes('Actie voor wie') || m.text.includes(name)),
    ).toEqual([]);

    await rejoinOrganisation(b.client, member);
    const seen = await kindsIn(member, id);
    expect(seen).not.toContain('action-due-soon');
    expect(seen).not.toContain('partner-submitted');
  });

  it('a leaver gets no calendar file of the collaboration or its actions', async () => {
    const { a, b, id } = await pair(['Werkpoort Agenda Weg', 'Bouw Agenda Weg']);
    await a.client.put(`/collaborations/${id}/rhythm`, {
      nextConversationAt: '2033-05-01T10:00:00+02:00',
      cadence: 'monthly',
    });
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Geheim na vertrek',
      dueDate: '2033-05-02',
    });
    expect((await b.client.get(`/collaborations/${id}/next-conversation.ics`)).status).toBe(200);
    await b.client.post(`/collaborations/${id}/leave`);
    expect((await b.client.get(`/collaborations/${id}/next-conversation.ics`)).status).toBe(404);
    const ics = await b.client.get(`/collaborations/${id}/actions/${action.body.id}/calendar.ics`);
    expect(ics.status).toBe(404);
    expect(ics.raw.body).not.toContain('Geheim');
  });
});

describe('a notice leaks nothing', () => {
  it('a draft answer makes no notice and shows up in none; failed requests make none', async () => {
    const { a, b, id } = await pair(['Werkpoort Concept', 'Bouw Concept']);
    const outsider = await signUpWithOrganisation(t.app, 'Buiten Concept');
    const before = (await a.client.get('/me/notifications/unread')).body.unread;
    expect(
      (
        await b.client.put(`/collaborations/${id}/answers/ambition`, {
          rating: 2,
          answer: 'GEHEIM-CONCEPT-ANTWOORD',
        })
      ).status,
    ).toBe(200);
    expect((await a.client.get('/me/notifications/unread')).body.unread).toBe(before);
    expect(JSON.stringify((await a.client.get('/me/notifications')).body)).not.toContain('GEHEIM');

    // Refused requests (4xx) are not turned into notices.
    const foreign = await b.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Voor een vreemde',
      ownerUserId: outsider.client.userId,
    });
    expect(foreign.status).toBe(400);
    expect(await notices(outsider.client)).toEqual([]);
    const badTopic = await b.client.post(`/collaborations/${id}/actions`, {
      topicId: 'no-such-topic',
      text: 'Verkeerd thema',
      ownerUserId: a.client.userId,
    });
    expect(badTopic.status).toBe(400);
    const own = await b.client.post(`/collaborations/${id}/actions`, { topicId: 'goals', text: 'Eigen' });
    const stale = await b.client.patch(`/collaborations/${id}/actions/${own.body.id}`, {
      ownerUserId: a.client.userId,
      version: 99,
    });
    expect(stale.status).toBe(409);
    expect(await kindsIn(a.client, id)).not.toContain('action-assigned');

    expect((await submit(b.client, id)).status).toBe(200);
    expect((await kindsIn(a.client, id)).filter((k) => k === 'partner-submitted')).toHaveLength(1);
    await t.runJobs(at('2033-06-01T08:00:00Z'));
    expect(
      (await mailTo(a.client)).filter((m) => m.text.includes('GEHEIM') || m.html.includes('GEHEIM')),
    ).toEqual([]);
  });

  it('a partner repeating a request that changes nothing does not flood the other with notices', async () => {
    const { a, b, id } = await pair(['Werkpoort Herhaal', 'Bouw Herhaal']);
    await a.client.put('/me/notification-preferences', {
      preferences: [
        { kind: 'partner-submitted', channel: 'email' },
        { kind: 'agreement-changed', channel: 'email' },
      ],
    });
    expect((await submit(b.client, id)).status).toBe(200);
    // Submitting again is accepted and changes nothing (the round was submitted already).
    for (let i = 0; i < 20; i++)
      expect((await b.client.post(`/collaborations/${id}/submit`)).status).toBe(200);
    expect((await kindsIn(a.client, id)).filter((k) => k === 'partner-submitted')).toHaveLength(1);
    await t.runJobs(at('2033-06-03T08:00:00Z'));
    const submitted = (await mailTo(a.client)).filter((m) =>
      m.subject.startsWith('Bouw Herhaal heeft ingediend'),
    );
    expect(submitted).toHaveLength(1);
    await a.client.post('/me/notifications/read');
    for (let i = 0; i < 5; i++) await b.client.post(`/collaborations/${id}/submit`);
    expect((await kindsIn(a.client, id)).filter((k) => k === 'partner-submitted')).toHaveLength(1);

    const agreement = await a.client.post(`/collaborations/${id}/agreements`, {
      topicId: 'goals',
      text: 'Vast',
    });
    expect(agreement.status).toBe(201);
    // Agreeing again to the same version, or withdrawing an approval never given: accepted, and nothing changes.
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await b.client.post(`/collaborations/${id}/agreements/${agreement.body.id}/approval`, {
            version: 1,
          })
        ).status,
      ).toBe(200);
      expect(
        (await b.client.delete(`/collaborations/${id}/agreements/${agreement.body.id}/approval`)).status,
      ).toBe(200);
    }
    // And the same in parallel.
    const parallel = await Promise.all(
      Array.from({ length: 20 }, () =>
        b.client.delete(`/collaborations/${id}/agreements/${agreement.body.id}/approval`),
      ),
    );
    expect(parallel.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect((await kindsIn(a.client, id)).filter((k) => k === 'agreement-changed')).toHaveLength(1);
    await t.runJobs(at('2033-06-03T08:05:00Z'));
    const sent = (await mailTo(a.client)).map((m) => m.subject);
    expect(sent.filter((s) => s.startsWith('Bouw Herhaal heeft ingediend'))).toHaveLength(1);
    expect(sent.filter((s) => s.startsWith('Afspraken van'))).toHaveLength(1);
  });

  it('a notice that names an action of another collaboration shows and mails nothing of it', async () => {
    const { a, b, id } = await pair(['Werkpoort Kruis', 'Bouw Kruis']);
    const other = await pair(['Werkpoort Ander', 'Bouw Ander']);
    const secret = await other.a.client.post(`/collaborations/${other.id}/actions`, {
      topicId: 'goals',
      text: 'GEHEIM-ANDERE-SAMENWERKING',
    });
    // A notice row pointing across collaborations (no route makes one; the read paths must not trust it).
    const [row] = await t.database.db
      .insert(notifications)
      .values({
        userId: b.client.userId!,
        kind: 'action-assigned',
        collaborationId: id,
        actionId: secret.body.id,
        actorOrganisationId: a.organisationId,
      })
      .returning({ id: notifications.id });
    await t.database.db
      .insert(jobs)
      .values({ kind: 'notification-email', payload: { notification: row!.id }, runAt: new Date() });
    const shown = (await notices(b.client, id)).find((n) => n.id === row!.id);
    expect(shown).toBeDefined();
    expect(shown!.action).toBeNull();
    await t.runJobs(at('2033-06-02T08:00:00Z'));
    const mails = await mailTo(b.client);
    expect(mails.filter((m) => `${m.subject}${m.text}${m.html}`.includes('GEHEIM'))).toEqual([]);
  });

  it('an archived collaboration reminds nobody of its actions, its conversation or its rounds', async () => {
    const { a, b, id } = await pair(['Werkpoort Archief', 'Bouw Archief']);
    await a.client.put(`/collaborations/${id}/rhythm`, {
      nextConversationAt: '2034-06-10T10:00:00Z',
      cadence: 'monthly',
    });
    await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Archief actie',
      ownerUserId: b.client.userId,
      dueDate: '2034-06-08',
    });
    await submit(b.client, id);
    await submit(a.client, id);
    expect((await a.client.post(`/collaborations/${id}/archive`)).status).toBe(200);
    const before = { a: await kindsIn(a.client, id), b: await kindsIn(b.client, id) };
    await t.runJobs(at('2034-06-09T12:00:00Z')); // conversation tomorrow, action overdue, round due
    expect(await kindsIn(a.client, id)).toEqual(before.a);
    expect(await kindsIn(b.client, id)).toEqual(before.b);
    for (const kind of ['action-overdue', 'action-due-soon', 'conversation-tomorrow', 'round-due'])
      expect([...before.a, ...before.b]).not.toContain(kind);
  });
});

describe('reading and marking', () => {
  it('nobody marks another’s notices; marking in parallel never fails', async () => {
    const { a, b, id } = await pair(['Werkpoort Lezen', 'Bouw Lezen']);
    await b.client.post(`/collaborations/${id}/agreements`, { topicId: 'goals', text: 'Een' });
    await submit(b.client, id);
    const mine = await notices(a.client, id);
    expect(mine.map((n) => n.kind)).toEqual(['partner-submitted', 'agreement-changed', 'partner-joined']);
    const target = mine[0]!;

    expect((await b.client.post(`/me/notifications/${target.id}/read`)).status).toBe(404);
    expect((await b.client.post('/me/notifications/read')).status).toBe(200);
    expect((await a.client.get('/me/notifications/unread')).body.unread).toBeGreaterThanOrEqual(3);
    expect((await a.client.post('/me/notifications/not-a-uuid/read')).status).toBe(400);
    expect((await a.client.post(`/me/notifications/${crypto.randomUUID()}/read`)).status).toBe(404);
    expect((await new Client(t.app).get('/me/notifications')).status).toBe(401);
    expect((await new Client(t.app).post('/me/notifications/read')).status).toBe(401);
    // Cookie without the CSRF token: refused.
    const forged = new Client(t.app);
    forged.cookie = a.client.cookie;
    expect((await forged.post(`/me/notifications/${target.id}/read`)).status).toBe(403);
    expect((await a.client.get('/me/notifications/unread')).body.unread).toBeGreaterThanOrEqual(3);

    for (const limit of ['0', '201', 'abc', '-1', '1.5']) {
      const refused = await a.client.get(`/me/notifications?limit=${limit}`);
      expect(refused.status, limit).toBe(400);
      expect(refused.body.error.details[0].field).toBe('limit');
    }

    const answers = await Promise.all([
      ...Array.from({ length: 40 }, () => a.client.post(`/me/notifications/${target.id}/read`)),
      ...Array.from({ length: 40 }, () => a.client.post('/me/notifications/read')),
    ]);
    expect(answers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect((await a.client.get('/me/notifications/unread')).body.unread).toBe(0);
    // The partner's own notices are untouched.
    expect((await notices(b.client, id)).length).toBe(0); // b did everything: told nothing
  });
});

describe('the unsubscribe link', () => {
  const signature = (user: string, kind: string) =>
    keyedHash(SECRET, `unsubscribe:${user}:${kind}`).slice(0, 32);
  const channelOf = async (client: Client, kind: string) =>
    (
      (await client.get('/me/notification-preferences')).body.preferences as {
        kind: string;
        channel: string;
      }[]
    ).find((p) => p.kind === kind)!.channel;

  it('refuses forged, borrowed and malformed links, naming the field; a replay changes nothing more', async () => {
    const victim = await signUp(t.app);
    const attacker = await signUp(t.app);
    const anonymous = new Client(t.app);
    const unsubscribe = (body: unknown) => anonymous.post('/notifications/unsubscribe', body);
    const own = {
      user: attacker.userId,
      kind: 'round-revealed',
      signature: signature(attacker.userId!, 'round-revealed'),
    };

    const refused: [unknown, string][] = [
      // Someone else's id with my signature, or my signature for another kind.
      [{ ...own, user: victim.userId }, 'signature'],
      [{ ...own, kind: 'action-assigned' }, 'signature'],
      // The full HMAC, a flipped case, a signature of the right length but wrong.
      [
        { ...own, signature: keyedHash(SECRET, `unsubscribe:${attacker.userId}:round-revealed`) },
        'signature',
      ],
      [
        {
          ...own,
          signature:
            own.signature.toUpperCase() === own.signature
              ? `${own.signature.slice(0, -1)}x`
              : own.signature.toUpperCase(),
        },
        'signature',
      ],
      [{ ...own, signature: 'A'.repeat(32) }, 'signature'],
      // Signed with another secret.
      [
        {
          ...own,
          signature: keyedHash('another-secret', `unsubscribe:${attacker.userId}:round-revealed`).slice(
            0,
            32,
          ),
        },
        'signature',
      ],
      // A signature that is right for a user who does not exist.
      [
        {
          user: '00000000-0000-4000-8000-000000000000',
          kind: 'round-revealed',
          signature: signature('00000000-0000-4000-8000-000000000000', 'round-revealed'),
        },
        'signature',
      ],
      [{ ...own, kind: 'weekly-digest' }, 'kind'],
      [{ ...own, kind: '__proto__' }, 'kind'],
      [{ ...own, kind: ['round-revealed'] }, 'kind'],
      [{ ...own, user: 'not-a-uuid' }, 'user'],
      [{ ...own, user: `${attacker.userId}' or '1'='1` }, 'user'],
      [{ ...own, signature: 'x'.repeat(101) }, 'signature'],
      [{ ...own, signature: 'x'.repeat(200_000) }, 'signature'],
      [{ ...own, signature: `${own.signature}\r\n` }, 'signature'],
      [{ ...own, signature: 12345 }, 'signature'],
      [{ user: attacker.userId, kind: 'round-revealed' }, 'signature'],
    ];
    for (const [body, field] of refused) {
      const answer = await unsubscribe(body);
      expect(answer.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(answer.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    for (const body of ['', 'null', '[]', '"x"', '{']) {
      const answer = await anonymous.request('POST', '/notifications/unsubscribe', body, {
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status, body).toBeGreaterThanOrEqual(400);
      expect(answer.status, body).toBeLessThan(500);
    }
    expect(await channelOf(victim, 'round-revealed')).toBe('email');
    expect(await channelOf(attacker, 'action-assigned')).toBe('email');

    // The real link works, and replaying it is harmless.
    expect((await unsubscribe(own)).status).toBe(200);
    expect((await unsubscribe(own)).status).toBe(200);
    expect(await channelOf(attacker, 'round-revealed')).toBe('in-app');
    expect(await channelOf(attacker, 'action-assigned')).toBe('email');
    // Switched off by the person: a replayed link does not switch it back on to in-app.
    await attacker.put('/me/notification-preferences', {
      preferences: [{ kind: 'round-revealed', channel: 'off' }],
    });
    expect((await unsubscribe(own)).status).toBe(200);
    expect(await channelOf(attacker, 'round-revealed')).toBe('off');
    expect(await channelOf(victim, 'round-revealed')).toBe('email');
  });
});

describe('preferences under attack', () => {
  it('refuse huge, duplicated and oddly typed input with a 4xx naming the field, and keep what was saved', async () => {
    const person = await signUp(t.app);
    expect(
      (
        await person.put('/me/notification-preferences', {
          preferences: [{ kind: 'round-due', channel: 'in-app' }],
          language: 'en',
        })
      ).status,
    ).toBe(200);
    const saved = (await person.get('/me/notification-preferences')).body;
    const bad: unknown[] = [
      { preferences: Array.from({ length: 10_000 }, () => ({ kind: 'round-due', channel: 'off' })) },
      {
        preferences: Array.from({ length: 19 }, (_, i) => ({
          kind: i % 2 ? 'round-due' : 'partner-joined',
          channel: 'off',
        })),
      },
      {
        preferences: [
          { kind: 'round-due', channel: 'off' },
          { kind: 'round-due', channel: 'off' },
        ],
      },
      { preferences: [{ kind: 7, channel: 'off' }] },
      { preferences: [{ kind: 'round-due', channel: null }] },
      { preferences: [{ kind: 'round-due' }] },
      { preferences: [null] },
      { preferences: [['round-due', 'off']] },
      { preferences: { kind: 'round-due', channel: 'off' } },
      { preferences: null },
      { preferences: [{ kind: 'ROUND-DUE', channel: 'off' }] },
      { preferences: [{ kind: 'round-due ', channel: 'off' }] },
      { preferences: [{ kind: 'round-due', channel: 'off'.padEnd(100_000, 'f') }] },
      { preferences: [{ kind: 'toString', channel: 'off' }] },
      { preferences: [{ kind: 'round-due', channel: 'off' }], language: null },
      { preferences: [{ kind: 'round-due', channel: 'off' }], language: 'EN' },
      { preferences: [{ kind: 'round-due', channel: 'off' }], language: ['en'] },
    ];
    for (const body of bad) {
      const refused = await person.put('/me/notification-preferences', body);
      expect(refused.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(refused.body.error.details[0].field, JSON.stringify(body).slice(0, 120)).toMatch(
        /^(preferences|language)/,
      );
    }
    for (const raw of ['[]', '"x"', 'null', '{"preferences":[{"kind":"round-due","channel":"off"}', '']) {
      const refused = await person.request('PUT', '/me/notification-preferences', raw, {
        headers: { 'content-type': 'application/json' },
      });
      expect(refused.status, raw).toBeGreaterThanOrEqual(400);
      expect(refused.status, raw).toBeLessThan(500);
    }
    const polluted = await person.request(
      'PUT',
      '/me/notification-preferences',
      '{"preferences":[{"kind":"round-due","channel":"in-app","__proto__":{"channel":"off"}}],"__proto__":{"language":"nl"}}',
      { headers: { 'content-type': 'application/json' } },
    );
    expect(polluted.status).toBeLessThan(500);
    expect((await person.get('/me/notification-preferences')).body).toEqual(saved);
  });
});

describe('the rhythm at the edges', () => {
  const unfold = (text: string) => text.replace(/\r\n /g, '');
  const ALLOWED = new Set([
    'BEGIN',
    'END',
    'VERSION',
    'PRODID',
    'CALSCALE',
    'METHOD',
    'UID',
    'DTSTAMP',
    'DTSTART',
    'DTEND',
    'SUMMARY',
    'LOCATION',
    'URL',
    'DESCRIPTION',
  ]);
  /** A calendar file has CRLF line ends only, lines of at most 75 octets, and no property we did not write. */
  const expectWellFormed = (body: string) => {
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    for (const line of body.slice(0, -2).split('\r\n'))
      expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const lines = unfold(body).slice(0, -2).split('\r\n');
    for (const line of lines) expect(ALLOWED, line).toContain(line.match(/^[A-Z-]+/)?.[0]);
    expect(lines.filter((l) => l.startsWith('BEGIN:VEVENT'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toHaveLength(1);
    return lines;
  };

  it('takes dates at the edges of the allowed range as the moment they name, and refuses what is outside', async () => {
    const { a, b, id } = await pair(['Werkpoort Rand', 'Bouw Rand']);
    const cases: [string, number, string?][] = [
      ['0000-01-01T00:00:00Z', 400],
      ['9999-12-31T23:59:59Z', 400],
      ['+002033-01-01T00:00:00Z', 400],
      ['2033-01-01T00:00:00+99:00', 400],
      ['2033-01-01T00:00:00+14:60', 400],
      // The range is checked on the moment: the last evening of 2100 west of UTC is already 2101 there.
      ['1899-12-31T23:00:00-01:00', 200, '1900-01-01T00:00:00.000Z'],
      ['2100-12-31T23:59:59-12:00', 400],
      ['1900-01-01T00:00:00+14:00', 400],
      ['2033-05-20T10:00:00+14:00', 200, '2033-05-19T20:00:00.000Z'],
      ['2033-05-20T10:00:00-12:00', 200, '2033-05-20T22:00:00.000Z'],
      ['2033-05-20T10:00:00.123456789Z', 200, '2033-05-20T10:00:00.123Z'],
    ];
    for (const [value, status, stored] of cases) {
      const answer = await a.client.put(`/collaborations/${id}/rhythm`, {
        nextConversationAt: value,
        cadence: 'half-yearly',
      });
      expect(answer.status, value).toBe(status);
      if (status === 400) {
        expect(answer.body.error.details.map((d: { field: string }) => d.field)).toContain(
          'nextConversationAt',
        );
        continue;
      }
      expect(answer.body.collaboration.rhythm.nextConversation.at, value).toBe(stored);
      const ics = await b.client.get(`/collaborations/${id}/next-conversation.ics?lang=en`);
      expect(ics.status, value).toBe(200);
      const lines = expectWellFormed(ics.raw.body);
      const utc = stored!.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      expect(lines, value).toContain(`DTSTART:${utc}`);
    }
  });

  it('reminds of a conversation planned at +14:00 by the moment, not the wall clock', async () => {
    const { a, b, id } = await pair(['Werkpoort Kiribati', 'Bouw Kiribati']);
    await a.client.put(`/collaborations/${id}/rhythm`, {
      nextConversationAt: '2035-05-20T10:00:00+14:00', // 2035-05-19 20:00 UTC
      cadence: 'off',
    });
    await t.runJobs(at('2035-05-18T19:30:00Z')); // 24.5 hours before
    expect(await kindsIn(b.client, id)).not.toContain('conversation-tomorrow');
    await t.runJobs(at('2035-05-18T21:00:00Z')); // 23 hours before
    expect(await kindsIn(b.client, id)).toContain('conversation-tomorrow');
    const notice = (await notices(b.client, id)).find((n) => n.kind === 'conversation-tomorrow') as Notice & {
      conversationAt: string;
    };
    expect(notice.conversationAt).toBe('2035-05-19T20:00:00.000Z');
  });

  it('writes no calendar property a partner did not mean: CR, LF and line separators in a place, a name or an action are escaped', async () => {
    const { a, b, id } = await pair(['Werkpoort Kop', 'Bouw Kop'], 'Kop\rATTENDEE:mailto:spion@example.org');
    const injected = [
      'Zaal 1\r\nATTENDEE:mailto:spion@example.org',
      'Zaal 2\rRRULE:FREQ=DAILY',
      'Zaal 3\nX-EVIL:1',
      'Zaal 4\u2028BEGIN:VALARM\u0085END:VALARM',
    ];
    for (const place of injected) {
      const saved = await a.client.put(`/collaborations/${id}/rhythm`, {
        nextConversationAt: '2033-07-01T10:00:00+02:00',
        place,
        cadence: 'off',
      });
      expect(saved.status).toBe(200);
      const ics = await b.client.get(`/collaborations/${id}/next-conversation.ics`);
      expectWellFormed(ics.raw.body);
    }
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Bel\r\nDTSTART;VALUE=DATE:19700101\rRRULE:FREQ=DAILY\nX-EVIL:1',
      dueDate: '2033-07-02',
    });
    expect(action.status).toBe(201);
    const ics = await b.client.get(`/collaborations/${id}/actions/${action.body.id}/calendar.ics?lang=en`);
    expect(ics.status).toBe(200);
    expect(expectWellFormed(ics.raw.body)).toContain('DTSTART;VALUE=DATE:20330702');
  });

  it('writes a video link as the URL it parses to, not as typed: CR, LF and tabs in it start no property', async () => {
    const { a, b, id } = await pair(['Werkpoort Link', 'Bouw Link']);
    // The URL parser accepts these: it drops CR, LF and tabs before parsing.
    for (const link of [
      'https://meet.example.org/r\r\nATTACH:https://evil.example/x',
      'https://meet.example.org/r\nATTENDEE:mailto:spion@example.org',
      'https://meet.example.org/\tr\rRRULE:FREQ=DAILY',
    ]) {
      const saved = await a.client.put(`/collaborations/${id}/rhythm`, {
        nextConversationAt: '2033-07-01T10:00:00+02:00',
        link,
        cadence: 'off',
      });
      if (saved.status === 400) {
        expect(saved.body.error.details.map((d: { field: string }) => d.field)).toContain('link');
        continue;
      }
      expect(saved.status).toBe(200);
      const ics = await b.client.get(`/collaborations/${id}/next-conversation.ics`);
      const lines = expectWellFormed(ics.raw.body);
      const url = lines.find((l) => l.startsWith('URL:'))!.slice(4);
      expect(new URL(url).href).toBe(new URL(link).href);
    }
  });

  it('folds long multi-byte places and keeps unicode links working; refuses script links', async () => {
    const { a, b, id } = await pair(['Werkpoort Lang', 'Bouw Lang']);
    for (const place of ['é'.repeat(300), '🚀'.repeat(150), `${'a'.repeat(74)}é${'b'.repeat(100)}`]) {
      const saved = await a.client.put(`/collaborations/${id}/rhythm`, {
        nextConversationAt: '2033-08-01T10:00:00+02:00',
        place,
        link: 'https://mëet.voorbeeld.nl/gesprek?wie=zoë',
        cadence: 'off',
      });
      expect(saved.status).toBe(200);
      const ics = await b.client.get(`/collaborations/${id}/next-conversation.ics`);
      const lines = expectWellFormed(ics.raw.body);
      expect(lines).toContain(`LOCATION:${place}`);
      const url = lines.find((l) => l.startsWith('URL:'))!.slice(4);
      expect(new URL(url).hostname).toBe(new URL('https://mëet.voorbeeld.nl').hostname);
    }
    for (const link of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'vbscript:x',
      'file:///etc/passwd',
      `https://x.example/${'a'.repeat(2000)}`,
    ]) {
      const refused = await a.client.put(`/collaborations/${id}/rhythm`, {
        nextConversationAt: '2033-08-01T10:00:00+02:00',
        link,
        cadence: 'off',
      });
      expect(refused.status, link).toBe(400);
      expect(refused.body.error.details.map((d: { field: string }) => d.field)).toContain('link');
    }
  });

  it('gives no calendar file of an action in another collaboration, whoever asks', async () => {
    const { a, b, id } = await pair(['Werkpoort Buur', 'Bouw Buur']);
    const other = await pair(['Werkpoort Buur 2', 'Bouw Buur 2']);
    const foreign = await other.a.client.post(`/collaborations/${other.id}/actions`, {
      topicId: 'goals',
      text: 'GEHEIM-BUUR',
      dueDate: '2033-09-01',
    });
    for (const client of [a.client, b.client]) {
      const answer = await client.get(`/collaborations/${id}/actions/${foreign.body.id}/calendar.ics`);
      expect(answer.status).toBe(404);
      expect(answer.raw.body).not.toContain('GEHEIM');
    }
    for (const lang of ['fr', 'nl&lang=en', '']) {
      const answer = await other.b.client.get(
        `/collaborations/${other.id}/actions/${foreign.body.id}/calendar.ics?lang=${lang}`,
      );
      expect(answer.status, lang).toBeLessThan(500);
      if (lang !== '') expect(answer.status, lang).toBe(400);
    }
  });
});

describe('the job queue under attack', () => {
  it('a job of a kind nobody handles fails after its attempts without stopping the others, and the admin sees it', async () => {
    const { a, b, id } = await pair(['Werkpoort Wachtrij', 'Bouw Wachtrij']);
    const admin = await signUp(t.app, 'Beheer Wachtrij');
    await t.database.db.insert(platformRoles).values({ userId: admin.userId!, role: 'platform_admin' });
    const [orphan] = await t.database.db
      .insert(jobs)
      .values({ kind: 'geen-handler', payload: { x: 1 }, maxAttempts: 2, runAt: new Date() })
      .returning({ id: jobs.id });
    const [broken] = await t.database.db
      .insert(jobs)
      .values({ kind: 'notification-email', payload: {}, maxAttempts: 1, runAt: new Date() })
      .returning({ id: jobs.id });
    await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Ondanks de storing',
      ownerUserId: b.client.userId,
    });
    await t.runJobs(at('2036-01-01T00:00:00Z'));
    await t.runJobs(at('2036-01-01T00:00:31Z'));
    expect((await mailTo(b.client)).filter((m) => m.subject.includes('Ondanks de storing'))).toHaveLength(1);
    const failed = (await admin.get('/admin/jobs/failed')).body.jobs as {
      id: string;
      kind: string;
      lastError: string;
      attempts: number;
    }[];
    expect(failed.find((j) => j.id === orphan!.id)).toMatchObject({ kind: 'geen-handler', attempts: 2 });
    expect(failed.find((j) => j.id === orphan!.id)!.lastError).toContain('no handler');
    expect(failed.find((j) => j.id === broken!.id)).toMatchObject({
      kind: 'notification-email',
      attempts: 1,
    });

    expect((await a.client.get('/admin/jobs/failed')).status).toBe(403);
    expect((await new Client(t.app).get('/admin/jobs/failed')).status).toBe(401);
    expect((await a.client.post(`/admin/jobs/${orphan!.id}/retry`)).status).toBe(403);
    expect((await admin.post('/admin/jobs/not-a-uuid/retry')).status).toBe(400);
    expect((await admin.post(`/admin/jobs/${crypto.randomUUID()}/retry`)).status).toBe(404);
    const [done] = await t.database.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(eq(jobs.kind, 'reminders'))
      .limit(1);
    expect((await admin.post(`/admin/jobs/${done!.id}/retry`)).status).toBe(404);
  });

  it('sends each e-mail once when 40 passes over the jobs run at the same time, more than a batch of them', async () => {
    const { a, b, id } = await pair(['Werkpoort Parallel', 'Bouw Parallel']);
    const member = await addMember(t.app, b.client);
    for (let i = 1; i <= 25; i++) {
      const created = await a.client.post(`/collaborations/${id}/actions`, {
        topicId: 'goals',
        text: `Parallel ${i}`,
        ownerUserId: member.userId,
      });
      expect(created.status).toBe(201);
    }
    const moment = at('2037-02-02T08:00:00Z');
    const ran = await Promise.all(Array.from({ length: 40 }, () => t.runJobs(moment)));
    expect(ran.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(26); // 25 e-mails and the sweep
    const subjects = (await mailTo(member)).map((m) => m.subject).filter((s) => s.includes('Parallel '));
    expect(subjects).toHaveLength(25);
    expect(new Set(subjects).size).toBe(25);
    expect(await t.runJobs(moment)).toBe(0);
  });
});

describe('e-mail under attack', () => {
  it('an action text with line breaks adds no header and no recipient; a hostile organisation name is escaped', async () => {
    const { a, b, id } = await pair(['<img src=x onerror=alert(1)> Werkpoort', 'Bouw Kopregel']);
    const created = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Kopregel\r\nBcc: spion@example.org\r\nX-Evil: 1\n\n<b>vet</b>',
      ownerUserId: b.client.userId,
    });
    expect(created.status).toBe(201);
    await t.runJobs(at('2037-03-03T08:00:00Z'));
    const [mail] = (await mailTo(b.client)).filter((m) => m.subject.includes('Kopregel'));
    expect(mail).toBeDefined();
    expect(mail!.subject).not.toMatch(/[\r\n]/);
    expect(mail!.headers.get('bcc')).toBeUndefined();
    expect(mail!.headers.get('x-evil')).toBeUndefined();
    expect(mail!.html).not.toContain('<img');
    expect(mail!.html).not.toContain('<b>vet');
    expect(sink.received.filter((m) => m.to === 'spion@example.org')).toEqual([]);
  });

  it('is not sent for an action that was deleted, or a reminder of one done, before the e-mail went out', async () => {
    const { a, b, id } = await pair(['Werkpoort Weg Actie', 'Bouw Weg Actie']);
    const member = await addMember(t.app, b.client);
    const gone = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Wordt gewist',
      ownerUserId: member.userId,
    });
    expect((await a.client.delete(`/collaborations/${id}/actions/${gone.body.id}`)).status).toBe(200);
    const due = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Bijna af',
      ownerUserId: member.userId,
      dueDate: '2038-04-06',
    });
    sink.state.refuse = true; // the mail server is down while the sweep reminds
    try {
      await t.runJobs(at('2038-04-04T08:00:00Z'));
    } finally {
      sink.state.refuse = false;
    }
    expect(await kindsIn(member, id)).toContain('action-due-soon');
    expect(
      (await member.patch(`/collaborations/${id}/actions/${due.body.id}`, { done: true, version: 1 })).status,
    ).toBe(200);
    await t.runJobs(at('2038-04-04T09:00:00Z'));
    const subjects = (await mailTo(member)).map((m) => m.subject);
    // The deleted action's e-mail would read "An action for you: " with nothing after it.
    expect(subjects.filter((s) => /^Een actie voor jou:\s*$/.test(s))).toEqual([]);
    expect(subjects.filter((s) => s.startsWith('Binnenkort af'))).toEqual([]);
  });
});

describe('what came before a return stays behind', () => {
  it('shows no notice from before an organisation left once it rejoins, nor from before a member was re-added', async () => {
    const a = await signUpWithOrganisation(t.app, 'Werkpoort Terug');
    const b = await signUpWithOrganisation(t.app, 'Bouw Terug');
    const id = (await a.client.post('/collaborations', { name: 'Terugkomst', ambition: 'integration' })).body
      .collaboration.id as string;
    await invitePartner(a.client, b.client, id);
    await b.client.put(`/collaborations/${id}/answers/ambition`, { rating: 2, answer: null });
    await b.client.post(`/collaborations/${id}/submit`);
    const before = (await a.client.get('/me/notifications')).body.notifications.length as number;
    expect(before).toBeGreaterThan(0);
    await a.client.post(`/collaborations/${id}/leave`);
    await invitePartner(b.client, a.client, id);
    const after = (await a.client.get('/me/notifications')).body.notifications as { kind: string }[];
    expect(after.filter((n) => n.kind === 'partner-submitted')).toEqual([]);
  });

  it('refuses a link with a line break or a date past 2100 once in UTC', async () => {
    const a = await signUpWithOrganisation(t.app, 'Werkpoort Grens');
    const id = (await a.client.post('/collaborations', { name: 'Grens', ambition: 'integration' })).body
      .collaboration.id as string;
    for (const [body, field] of [
      [
        {
          nextConversationAt: '2026-12-01T10:00:00Z',
          link: 'https://x.example/\r\nATTACH:evil',
          cadence: 'off',
        },
        'link',
      ],
      [{ nextConversationAt: '2026-12-01T10:00:00Z', link: 'https://x.example/a b', cadence: 'off' }, 'link'],
      [{ nextConversationAt: '2100-12-31T23:59:59-12:00', cadence: 'off' }, 'nextConversationAt'],
      [{ nextConversationAt: '1900-01-01T00:00:00+14:00', cadence: 'off' }, 'nextConversationAt'],
    ] as const) {
      const refused = await a.client.put(`/collaborations/${id}/rhythm`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.details[0].field).toBe(field);
    }
  });
});
