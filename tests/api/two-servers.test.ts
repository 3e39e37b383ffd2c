// Issue 9, point 16: two app servers on one PostgreSQL database, as behind a load balancer. Each keeps its own
// five-second session cache (decision 0005); a sign-out, a removed member or a revoked role made through one
// must hold on the other at once, not five seconds later. PostgreSQL only: PGlite is one process by design.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { platformRoles } from '../../src/server/db/schema/index.ts';
import {
  Client,
  PASSWORD,
  signUp,
  signUpWithOrganisation,
  startTestServers,
  invitePartner,
  through,
  uniqueEmail,
} from './harness.ts';
import { openStream } from './live-stream.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let servers: Awaited<ReturnType<typeof startTestServers>>;
let one: FastifyInstance;
let two: FastifyInstance;

beforeAll(async () => {
  if (!onPostgres) return;
  servers = await startTestServers(2);
  [one, two] = servers.apps as [FastifyInstance, FastifyInstance];
});
afterAll(async () => {
  await servers?.close();
});

describe.runIf(onPostgres)('two app servers on one PostgreSQL database (PostgreSQL run)', () => {
  // Issue 11, point 1: a browser following a collaboration on one server hears what happens on the other.
  it('a submit on one server reaches the partner following the collaboration on the other', async () => {
    const a = await signUpWithOrganisation(one, 'Live Een');
    const b = await signUpWithOrganisation(two, 'Live Twee');
    const id = (
      await a.client.post('/collaborations', { name: 'Over twee servers', ambition: 'integration' })
    ).body.collaboration.id as string;
    await invitePartner(a.client, through(one, b.client), id);
    const stream = await openStream(one, a.client, id);
    await b.client.put(`/collaborations/${id}/answers/ambition`, { rating: 2, answer: null });
    await b.client.post(`/collaborations/${id}/submit`);
    const event = await stream.next('submitted');
    expect(event.organisationId).toBe(b.organisationId);
    const onTwo = await openStream(two, through(two, a.client), id);
    await a.client.post(`/collaborations/${id}/submit`);
    await Promise.all([stream.next('revealed'), onTwo.next('revealed')]);
    stream.close();
    onTwo.close();
  });

  it('a server whose live channel was cut tells its followers to refetch, and hears events again once back', async () => {
    const a = await signUpWithOrganisation(one, 'Storing Een');
    const b = await signUpWithOrganisation(two, 'Storing Twee');
    const id = (await a.client.post('/collaborations', { name: 'Door een storing', ambition: 'integration' }))
      .body.collaboration.id as string;
    await invitePartner(a.client, through(one, b.client), id);
    const stream = await openStream(one, a.client, id);
    const channels = () =>
      queryRows<{ pid: number }>(
        servers.database.db,
        sql`select pid from pg_stat_activity where application_name = 'iw-live' and datname = current_database()`,
      );
    expect(await channels()).toHaveLength(2);
    await servers.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
           where application_name = 'iw-live' and datname = current_database()`,
    );
    for (let waited = 0; !stream.resync && waited < 10_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Whatever happened while the channel was down, the browser is told to fetch everything again.
    expect(stream.resync).toBe(true);
    expect(stream.ended()).toBe(false);
    expect(await channels()).toHaveLength(2);
    await b.client.put(`/collaborations/${id}/answers/ambition`, { rating: 2, answer: null });
    await b.client.post(`/collaborations/${id}/submit`);
    expect((await stream.next('submitted')).organisationId).toBe(b.organisationId);
    stream.close();
  });

  // Issue 11, point 4: the job queue lives in the database; servers that look for work at once share it out.
  it('each background job runs once, however many servers look for work at the same moment', async () => {
    const a = await signUpWithOrganisation(one, 'Taak Een');
    const b = await signUpWithOrganisation(two, 'Taak Twee');
    const id = (await a.client.post('/collaborations', { name: 'Taken', ambition: 'integration' })).body
      .collaboration.id as string;
    await invitePartner(a.client, through(one, b.client), id);
    for (let i = 0; i < 20; i++)
      await a.client.post(`/collaborations/${id}/actions`, {
        topicId: 'goals',
        text: `Taak ${i}`,
        ownerUserId: b.client.userId,
      });
    const [first, second] = servers.runJobs as [
      (now?: Date) => Promise<number>,
      (now?: Date) => Promise<number>,
    ];
    await Promise.all([first(), second(), first(), second()]);
    const mails = servers.mail.filter((m) => m.subject.startsWith('Een actie voor jou: Taak '));
    expect(mails).toHaveLength(20);
    expect(new Set(mails.map((m) => m.subject)).size).toBe(20);
  });

  it('a sign-out on one server ends the session on the other at once, every time', async () => {
    for (let i = 0; i < 10; i++) {
      const onOne = await signUp(one);
      const onTwo = through(two, onOne);
      expect((await onTwo.get('/me')).status).toBe(200); // now in server two's cache
      expect((await onOne.post('/auth/sign-out')).status).toBe(200);
      expect((await onTwo.get('/me')).status).toBe(401);
    }
  });

  it('a member removed on one server loses the organisation on the other at once', async () => {
    const { client: admin } = await signUpWithOrganisation(one, 'Twee Servers BV');
    for (let i = 0; i < 5; i++) {
      const invitation = await admin.post('/organisation/invitations', { role: 'member' });
      const member = await signUp(one);
      const token = String(invitation.body.link).split('/invitations/')[1]!;
      expect((await member.post(`/invitations/${token}/accept`)).status).toBe(200);
      const memberOnTwo = through(two, member);
      expect((await memberOnTwo.get('/organisation')).status).toBe(200);
      expect((await admin.delete(`/organisation/members/${member.userId}`)).status).toBe(200);
      expect((await memberOnTwo.get('/organisation')).status).not.toBe(200);
    }
  });

  it('a platform role revoked on one server is gone on the other at once', async () => {
    const admin = await signUp(one, 'Beheerder');
    await servers.database.db.insert(platformRoles).values({ userId: admin.userId!, role: 'platform_admin' });
    const facilitator = await signUp(one, 'Begeleider');
    for (let i = 0; i < 5; i++) {
      expect((await admin.put(`/admin/users/${facilitator.userId}/roles/facilitator`)).status).toBe(200);
      const onTwo = through(two, facilitator);
      expect((await onTwo.get('/programmes')).status).toBe(200);
      expect((await admin.delete(`/admin/users/${facilitator.userId}/roles/facilitator`)).status).toBe(200);
      expect((await onTwo.get('/programmes')).status).toBe(403);
    }
  });

  it('a password change on one server ends the other sessions on the other server at once', async () => {
    const email = uniqueEmail();
    const first = await signUp(one, 'Twee Sessies', email);
    const second = new Client(two);
    expect((await second.post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    expect((await second.get('/me')).status).toBe(200);
    const changed = await first.post('/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'another correct horse battery',
    });
    expect(changed.status).toBe(200);
    expect((await second.get('/me')).status).toBe(401);
  });

  it('while a server cannot hear revocations it caches nothing, and it hears them again after reconnecting', async () => {
    const listeners = () =>
      queryRows<{ pid: number }>(
        servers.database.db,
        sql`select pid from pg_stat_activity where application_name = 'iw-auth-listener' and datname = current_database()`,
      );
    expect(await listeners()).toHaveLength(2);
    await servers.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
           where application_name = 'iw-auth-listener' and datname = current_database()`,
    );
    // Right after the cut (before any reconnect), a sign-out on one still holds on the other.
    const onOne = await signUp(one);
    const onTwo = through(two, onOne);
    expect((await onTwo.get('/me')).status).toBe(200);
    expect((await onOne.post('/auth/sign-out')).status).toBe(200);
    expect((await onTwo.get('/me')).status).toBe(401);
    // Both reconnect within a few seconds, and revocations reach the other server again.
    for (let waited = 0; (await listeners()).length < 2 && waited < 10_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await listeners()).toHaveLength(2);
    const again = await signUp(one);
    const againOnTwo = through(two, again);
    expect((await againOnTwo.get('/me')).status).toBe(200);
    expect((await again.post('/auth/sign-out')).status).toBe(200);
    expect((await againOnTwo.get('/me')).status).toBe(401);
  });

  it('the sign-in limit counts attempts on both servers together', async () => {
    const email = uniqueEmail();
    await signUp(one, 'Slot', email);
    const attackers = [new Client(one), new Client(two)];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await attackers[i % 2]!.post('/auth/sign-in', { email, password: 'wrong password' })).status,
      );
    // However the limit is shaped, alternating servers must not double it: both end up refusing.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.at(-2)).toBe(429);
  });
});

describe.skipIf(onPostgres)('two app servers (PGlite run)', () => {
  it('needs PostgreSQL: the PostgreSQL run of npm test covers it', () => {
    expect(onPostgres).toBe(false);
  });
});
