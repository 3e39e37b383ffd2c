import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import {
  addMember,
  invitePartner,
  signUp,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
  twoPartners,
} from './harness.ts';
import { type SmtpSink, startAppWithSmtpSink } from './smtp-sink.ts';

// Issue 11, points 3, 4 and 6: notifications per person, made from what partners do and by the reminder sweep
// (run here at moments the test chooses), e-mailed through a real SMTP server started by the test.
let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, sink, close } = await startAppWithSmtpSink());
});
afterAll(() => close());

const pair = (names: readonly [string, string] = ['Werkpoort Meldingen', 'Bouw Meldingen']) =>
  twoPartners(t.app, names, 'Samen melden');

type Client = Awaited<ReturnType<typeof signUp>>;
const kinds = async (client: Client) =>
  ((await client.get('/me/notifications')).body.notifications as { kind: string }[]).map((n) => n.kind);
const mailTo = (client: Client) => async () => {
  const me = await client.get('/me');
  return sink.received.filter((m) => m.to === me.body.user.email);
};
const submit = async (client: Client, id: string) => {
  await client.put(`/collaborations/${id}/answers/ambition`, { rating: 3, answer: null });
  await client.post(`/collaborations/${id}/submit`);
};
const at = (iso: string) => new Date(iso);

describe('notifications from what partners do', () => {
  it('tell the other partner of a join, a submit and the reveal; never the one who did it', async () => {
    const { a, b, id } = await pair();
    expect(await kinds(a.client)).toEqual(['partner-joined']);
    expect(await kinds(b.client)).toEqual([]);
    await submit(b.client, id);
    expect(await kinds(a.client)).toEqual(['partner-submitted', 'partner-joined']);
    await submit(a.client, id);
    expect(await kinds(b.client)).toEqual(['round-revealed', 'partner-submitted']);
    // The one whose submit revealed the round is not told what they just did.
    expect(await kinds(a.client)).toEqual(['partner-submitted', 'partner-joined']);

    const list = await a.client.get('/me/notifications');
    expect(list.body.unread).toBe(2);
    const submitted = list.body.notifications[0];
    expect(submitted).toMatchObject({
      kind: 'partner-submitted',
      readAt: null,
      collaboration: { id, name: 'Samen melden' },
      actor: 'Bouw Meldingen',
      link: `/collaborations/${id}?tab=wheel`,
    });
    expect((await a.client.post(`/me/notifications/${submitted.id}/read`)).status).toBe(200);
    expect((await a.client.get('/me/notifications/unread')).body.unread).toBe(1);
    // Someone else's notice is not there for them.
    expect((await b.client.post(`/me/notifications/${submitted.id}/read`)).status).toBe(404);
    expect((await a.client.post('/me/notifications/read')).body.unread).toBe(0);
    expect((await a.client.get('/me/notifications/unread')).body.unread).toBe(0);
  });

  it('tell a member an action was given to them, once, however often it is edited afterwards', async () => {
    const { a, b, id } = await pair();
    const member = await addMember(t.app, b.client);
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Bel de jobcoach',
      ownerUserId: member.userId,
      dueDate: '2030-01-10',
    });
    expect(action.status).toBe(201);
    for (let version = 1; version <= 2; version++)
      await a.client.patch(`/collaborations/${id}/actions/${action.body.id}`, {
        text: `Bel de jobcoach ${version}`,
        version,
      });
    const list = (await member.get('/me/notifications')).body.notifications;
    expect(list.map((n: { kind: string }) => n.kind)).toEqual(['action-assigned']);
    expect(list[0]).toMatchObject({
      actor: 'Werkpoort Meldingen',
      action: { id: action.body.id, text: 'Bel de jobcoach 2', dueDate: '2030-01-10' },
      link: `/collaborations/${id}?tab=actions`,
    });
  });
});

describe('the reminder sweep, at moments the test chooses', () => {
  it('reminds the owner of an action three days before and after the due date, once each, and stops once done', async () => {
    const { a, b, id } = await pair(['Werkpoort Sweep', 'Bouw Sweep']);
    const member = await addMember(t.app, b.client);
    const action = await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Intake plannen',
      ownerUserId: member.userId,
      dueDate: '2031-03-10',
    });
    const sweepAt = async (iso: string) => {
      await t.runJobs(at(iso));
    };
    await sweepAt('2031-03-06T08:00:00Z'); // four days before: nothing yet
    expect(await kinds(member)).toEqual(['action-assigned']);
    await sweepAt('2031-03-07T08:00:00Z');
    await sweepAt('2031-03-07T08:15:00Z');
    await sweepAt('2031-03-08T08:00:00Z');
    expect(await kinds(member)).toEqual(['action-due-soon', 'action-assigned']);
    await sweepAt('2031-03-11T08:00:00Z');
    await sweepAt('2031-03-12T08:00:00Z');
    expect(await kinds(member)).toEqual(['action-overdue', 'action-due-soon', 'action-assigned']);
    // Nobody else hears of it.
    expect((await kinds(a.client)).filter((k) => k.startsWith('action-'))).toEqual([]);

    await member.patch(`/collaborations/${id}/actions/${action.body.id}`, { done: true, version: 1 });
    await sweepAt('2031-03-13T08:00:00Z');
    expect((await kinds(member)).filter((k) => k === 'action-overdue')).toHaveLength(1);
  });

  it('reminds everyone taking part of tomorrow’s conversation and of a due round, and never a leaver', async () => {
    const { a, b, id } = await pair(['Werkpoort Ritme', 'Bouw Ritme']);
    const colleague = await addMember(t.app, b.client);
    await a.client.put(`/collaborations/${id}/rhythm`, {
      nextConversationAt: '2032-05-20T10:00:00+02:00',
      cadence: 'monthly',
    });
    await t.runJobs(at('2032-05-18T09:00:00Z'));
    expect((await kinds(colleague)).includes('conversation-tomorrow')).toBe(false);
    await t.runJobs(at('2032-05-19T09:00:00Z'));
    for (const person of [a.client, b.client, colleague])
      expect(await kinds(person)).toContain('conversation-tomorrow');

    await submit(b.client, id);
    await submit(a.client, id);
    // The partner organisation leaves: its people hear nothing more and no longer see what they were told.
    expect((await b.client.post(`/collaborations/${id}/leave`)).status).toBe(200);
    const before = (await b.client.get('/me/notifications')).body;
    expect(
      before.notifications.filter(
        (n: { collaboration: { id: string } | null }) => n.collaboration?.id === id,
      ),
    ).toEqual([]);
    console.log(
      JSON.stringify((await a.client.get(`/collaborations/${id}`)).body.currentRound).slice(0, 300),
    );
    const revealedAt = new Date((await a.client.get(`/collaborations/${id}`)).body.currentRound.revealedAt);
    const monthLater = new Date(revealedAt);
    monthLater.setUTCMonth(monthLater.getUTCMonth() + 1);
    monthLater.setUTCHours(12);
    await t.runJobs(monthLater);
    expect(await kinds(a.client)).toContain('round-due');
    expect(await kinds(colleague)).not.toContain('round-due');
    expect(await kinds(b.client)).not.toContain('round-due');
  });
});

describe('preferences', () => {
  it('are in the app and by e-mail by default where something is asked of the person, and can be changed', async () => {
    const person = await signUp(t.app);
    const shown = await person.get('/me/notification-preferences');
    expect(shown.body.emailAvailable).toBe(true);
    expect(shown.body.language).toBe('nl');
    const channel = (kind: string) =>
      shown.body.preferences.find((p: { kind: string }) => p.kind === kind).channel;
    expect(channel('action-assigned')).toBe('email');
    expect(channel('partner-submitted')).toBe('in-app');
    const changed = await person.put('/me/notification-preferences', {
      preferences: [{ kind: 'partner-submitted', channel: 'off' }],
      language: 'en',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe('en');
    expect(
      changed.body.preferences.find((p: { kind: string }) => p.kind === 'partner-submitted').channel,
    ).toBe('off');
  });

  it('refuse what is not a kind or a channel, naming the field, and keep what was saved', async () => {
    const person = await signUp(t.app);
    await person.put('/me/notification-preferences', {
      preferences: [{ kind: 'round-due', channel: 'in-app' }],
    });
    for (const body of [
      { preferences: [{ kind: 'weekly-digest', channel: 'email' }] },
      { preferences: [{ kind: 'round-due', channel: 'sms' }] },
      {
        preferences: [
          { kind: 'round-due', channel: 'off' },
          { kind: 'round-due', channel: 'email' },
        ],
      },
      { language: 'fr' },
      { preferences: 'all' },
    ]) {
      const refused = await person.put('/me/notification-preferences', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.details[0].field).toMatch(/^(preferences|language)/);
    }
    const kept = (await person.get('/me/notification-preferences')).body.preferences;
    expect(kept.find((p: { kind: string }) => p.kind === 'round-due').channel).toBe('in-app');
  });

  it('switched off, make no notice; in the app only, no e-mail', async () => {
    const { a, b, id } = await pair(['Werkpoort Stil', 'Bouw Stil']);
    await a.client.put('/me/notification-preferences', {
      preferences: [
        { kind: 'partner-submitted', channel: 'off' },
        { kind: 'round-revealed', channel: 'in-app' },
      ],
    });
    await submit(b.client, id);
    expect(await kinds(a.client)).not.toContain('partner-submitted');
    await submit(a.client, id);
    await b.client.put('/me/notification-preferences', {
      preferences: [{ kind: 'round-revealed', channel: 'in-app' }],
    });
    await t.runJobs();
    expect((await mailTo(b.client)()).filter((m) => /samen bekijken/i.test(m.subject))).toEqual([]);
  });
});

describe('e-mail', () => {
  it('goes out through SMTP in the person’s language with a plain-text part and an unsubscribe link per kind', async () => {
    const { a, b, id } = await pair(['Werkpoort Post', 'Bouw Post']);
    await b.client.put('/me/notification-preferences', { language: 'en' });
    await a.client.put('/me/notification-preferences', {
      preferences: [{ kind: 'partner-submitted', channel: 'email' }],
    });
    await submit(b.client, id);
    await submit(a.client, id);
    const sent = mailTo(b.client);
    const confirmation = (await sent()).length;
    expect(confirmation).toBe(1); // only the sign-up's link: nothing before the job runs
    await t.runJobs();
    const [mail] = (await sent()).filter((m) => m.subject.includes('look at it together'));
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Samen melden: look at it together');
    expect(mail!.text).toContain('The answers of Samen melden can now be looked at together.');
    expect(mail!.text).toContain(`http://localhost:3000/collaborations/${id}?tab=wheel`);
    expect(mail!.html).toContain('<a href=');
    const unsubscribe = mail!.text.match(/http:\/\/localhost:3000\/unsubscribe\?(\S+)/)![1]!;
    expect(JSON.stringify([...mail!.headers])).toContain('/unsubscribe?');
    // The Dutch partner gets it in Dutch.
    const dutch = (await mailTo(a.client)()).find((m) => m.subject.startsWith('Bouw Post heeft ingediend'));
    expect(dutch?.text).toContain('Bouw Post heeft de ronde van Samen melden ingediend.');

    const params = new URLSearchParams(unsubscribe);
    const body = { user: params.get('user'), kind: params.get('kind'), signature: params.get('s') };
    expect(body.kind).toBe('round-revealed');
    const forged = await new (await import('./harness.ts')).Client(t.app).post('/notifications/unsubscribe', {
      ...body,
      kind: 'action-assigned',
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.details[0].field).toBe('signature');
    const anonymous = new (await import('./harness.ts')).Client(t.app);
    expect((await anonymous.post('/notifications/unsubscribe', body)).status).toBe(200);
    const now = (await b.client.get('/me/notification-preferences')).body.preferences;
    expect(now.find((p: { kind: string }) => p.kind === 'round-revealed').channel).toBe('in-app');
    expect(now.find((p: { kind: string }) => p.kind === 'action-assigned').channel).toBe('email');
  });

  it('is retried with back-off while the mail server refuses, then shown to the platform admin, who can retry', async () => {
    const { a, b, id } = await pair(['Werkpoort Storing', 'Bouw Storing']);
    await submit(b.client, id); // a partner-submitted notice for a: in the app only by default
    const member = await addMember(t.app, b.client);
    const admin = await signUp(t.app, 'Beheer');
    await t.database.db.insert(platformRoles).values({ userId: admin.userId!, role: 'platform_admin' });
    await t.runJobs();
    sink.state.refuse = true;
    const attemptsBefore = sink.state.attempts;
    await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Storing',
      ownerUserId: member.userId,
    });
    const start = Date.now();
    const tried = async (offsetMs: number) => {
      await t.runJobs(new Date(start + offsetMs));
      return sink.state.attempts - attemptsBefore;
    };
    expect(await tried(0)).toBe(1);
    expect(await tried(10_000)).toBe(1); // the next attempt waits 30 s
    expect(await tried(31_000)).toBe(2);
    expect(await tried(31_000 + 121_000)).toBe(3);
    expect(await tried(31_000 + 121_000 + 481_000)).toBe(4);
    expect(await tried(31_000 + 121_000 + 481_000 + 1_921_000)).toBe(5);
    expect(await tried(10 * 3_600_000)).toBe(5); // given up after five
    sink.state.refuse = false;
    expect((await mailTo(member)()).filter((m) => m.subject.includes('Storing'))).toEqual([]);

    expect((await a.client.get('/admin/jobs/failed')).status).toBe(403);
    const failed = await admin.get('/admin/jobs/failed');
    const job = failed.body.jobs.find((j: { lastError: string }) => j.lastError.includes('Mailbox busy'));
    expect(job).toMatchObject({ kind: 'notification-email', attempts: 5 });

    expect((await admin.post(`/admin/jobs/${job.id}/retry`)).status).toBe(200);
    expect((await admin.post(`/admin/jobs/${job.id}/retry`)).status).toBe(404);
    await t.runJobs(new Date(Date.now() + 1_000));
    expect(
      (await mailTo(member)()).filter((m) => m.subject.includes('Storing')).map((m) => m.subject),
    ).toEqual(['Een actie voor jou: Storing']);
  });

  it('is never sent to someone whose organisation left before it went out', async () => {
    const { a, b, id } = await pair(['Werkpoort Vertrek', 'Bouw Vertrek']);
    const member = await addMember(t.app, b.client);
    await a.client.post(`/collaborations/${id}/actions`, {
      topicId: 'goals',
      text: 'Vertrek',
      ownerUserId: member.userId,
    });
    expect(await kinds(member)).toEqual(['action-assigned']);
    await b.client.post(`/collaborations/${id}/leave`);
    await t.runJobs();
    expect((await mailTo(member)()).filter((m) => m.subject.includes('Vertrek'))).toEqual([]);
    expect(await kinds(member)).toEqual([]);
  });
});

describe('without SMTP_URL', () => {
  it('keeps notices in the app and queues no e-mail', async () => {
    const plain = await startTestApp();
    try {
      const a = await signUpWithOrganisation(plain.app, 'Werkpoort Zonder');
      const b = await signUpWithOrganisation(plain.app, 'Bouw Zonder');
      const id = (await a.client.post('/collaborations', { name: 'Zonder post', ambition: 'integration' }))
        .body.collaboration.id as string;
      await invitePartner(a.client, b.client, id);
      expect((await a.client.get('/me/notification-preferences')).body.emailAvailable).toBe(false);
      expect(await kinds(a.client)).toEqual(['partner-joined']);
      expect(await plain.runJobs()).toBe(1); // only the quarter hour's sweep
    } finally {
      await plain.close();
    }
  });
});

describe('an invitation sent to an address', () => {
  it('tells the person with an account there, who answers it from their dashboard without the link', async () => {
    const a = await signUpWithOrganisation(t.app, 'Werkpoort Adres');
    const b = await signUpWithOrganisation(t.app, 'Bouw Adres');
    const stranger = await signUpWithOrganisation(t.app, 'Derde Adres');
    const id = (await a.client.post('/collaborations', { name: 'Op adres', ambition: 'integration' })).body
      .collaboration.id as string;
    const email = (await b.client.get('/me')).body.user.email as string;
    const created = await a.client.post(`/collaborations/${id}/invitations`, { email: email.toUpperCase() });
    expect(created.status).toBe(201);
    expect(created.body.sentTo).toBe(email);
    const [notice] = (await b.client.get('/me/notifications')).body.notifications;
    expect(notice).toMatchObject({ kind: 'invited', actor: 'Werkpoort Adres', link: '/dashboard' });
    expect(notice.collaboration.name).toBe('Op adres');
    const received = (await b.client.get('/me/partner-invitations')).body.invitations;
    expect(received).toEqual([
      expect.objectContaining({ collaborationName: 'Op adres', invitedBy: 'Werkpoort Adres' }),
    ]);
    // Someone else cannot see or answer it, not even knowing its id.
    expect((await stranger.client.get('/me/partner-invitations')).body.invitations).toEqual([]);
    expect((await stranger.client.post(`/me/partner-invitations/${received[0].id}/accept`)).status).toBe(404);
    // A member (not an admin) of the addressee's organisation acting with the same address cannot either.
    await t.runJobs();
    const mail = (await mailTo(b.client)()).find((m) => m.subject === 'Uitnodiging voor Op adres');
    expect(mail?.text).toContain('Werkpoort Adres nodigt jouw organisatie uit voor Op adres.');
    expect(mail?.text).toContain('http://localhost:3000/dashboard');

    const accepted = await b.client.post(`/me/partner-invitations/${received[0].id}/accept`);
    expect(accepted.body).toEqual({ collaborationId: id });
    expect((await b.client.get(`/collaborations/${id}`)).status).toBe(200);
    expect((await b.client.get('/me/partner-invitations')).body.invitations).toEqual([]);
    expect((await b.client.post(`/me/partner-invitations/${received[0].id}/accept`)).status).toBe(409);
  });

  it('e-mails the link itself to an address without an account, and refuses what is not an address', async () => {
    const a = await signUpWithOrganisation(t.app, 'Werkpoort Nieuw');
    const id = (await a.client.post('/collaborations', { name: 'Nieuw adres', ambition: 'integration' })).body
      .collaboration.id as string;
    const refused = await a.client.post(`/collaborations/${id}/invitations`, { email: 'not an address' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('email');
    const created = await a.client.post(`/collaborations/${id}/invitations`, { email: 'nieuw@bouw.example' });
    const mail = sink.received.find((m) => m.to === 'nieuw@bouw.example');
    expect(mail?.subject).toBe('Werkpoort Nieuw nodigt jullie uit voor Nieuw adres');
    expect(mail?.text).toContain(created.body.link);
    // The link is only in the e-mail: no job or notice holds it.
    const token = String(created.body.link).split('/partner-invitations/')[1]!;
    const { jobs, notifications } = await import('../../src/server/db/schema/index.ts');
    const stored = JSON.stringify([
      await t.database.db.select().from(jobs),
      await t.database.db.select().from(notifications),
    ]);
    expect(stored).not.toContain(token);
  });
});

describe('a programme invitation sent to an address', () => {
  it('is a notice and a dashboard entry for an account there, joined without the link; else an e-mail', async () => {
    const facilitator = await signUp(t.app, 'Begeleider Adres');
    await t.database.db.insert(platformRoles).values({ userId: facilitator.userId!, role: 'facilitator' });
    const programmeId = (await facilitator.post('/programmes', { name: 'Cohort op adres' })).body
      .id as string;
    const b = await signUpWithOrganisation(t.app, 'Bouw Programma');
    const stranger = await signUpWithOrganisation(t.app, 'Derde Programma');
    const email = (await b.client.get('/me')).body.user.email as string;
    const created = await facilitator.post(`/programmes/${programmeId}/invitations`, { email });
    expect(created.status).toBe(201);
    expect(created.body.sentTo).toBe(email);
    const [notice] = (await b.client.get('/me/notifications')).body.notifications;
    expect(notice).toMatchObject({
      kind: 'invited',
      programme: { id: programmeId, name: 'Cohort op adres' },
      collaboration: null,
      link: '/dashboard',
    });
    const received = (await b.client.get('/me/programme-invitations')).body.invitations;
    expect(received).toEqual([expect.objectContaining({ programmeName: 'Cohort op adres' })]);
    expect((await stranger.client.get('/me/programme-invitations')).body.invitations).toEqual([]);
    expect((await stranger.client.post(`/me/programme-invitations/${received[0].id}/join`)).status).toBe(404);
    await t.runJobs();
    const mail = (await mailTo(b.client)()).find(
      (m) => m.subject === 'Uitnodiging voor het programma Cohort op adres',
    );
    expect(mail?.text).toContain('Je organisatie is uitgenodigd voor het programma Cohort op adres.');
    expect((await b.client.post(`/me/programme-invitations/${received[0].id}/join`)).body).toEqual({
      programmeId,
    });
    expect((await b.client.get('/organisation/programmes')).body.programmes).toEqual([
      { id: programmeId, name: 'Cohort op adres', consent: false },
    ]);

    const toNew = await facilitator.post(`/programmes/${programmeId}/invitations`, {
      email: 'nieuw@cohort.example',
    });
    const sent = sink.received.find((m) => m.to === 'nieuw@cohort.example');
    expect(sent?.subject).toBe('Uitnodiging voor het programma Cohort op adres');
    expect(sent?.text).toContain(toNew.body.link);
  });
});
