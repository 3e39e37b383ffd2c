import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presence } from '../../src/server/db/schema/index.ts';
import { addMember, signUpWithOrganisation, startTestApp, type TestApp, twoPartners } from './harness.ts';
import { openStream } from './live-stream.ts';

// Issue 11, point 2: who of the partners has the collaboration open now, by name only.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const pair = () => twoPartners(t.app, ['Werkpoort Hier', 'Bouw Hier'], 'Wie is er');

type Client = Awaited<ReturnType<typeof pair>>['a']['client'];
const here = async (client: Client, id: string) =>
  (await client.get(`/collaborations/${id}/presence`)).body.people as {
    name: string;
    organisation: string;
    you: boolean;
  }[];
const eventually = async (check: () => Promise<boolean>, what: string) => {
  for (let waited = 0; waited < 3_000; waited += 25) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what}: did not happen within 3 s`);
};

describe('presence on a collaboration', () => {
  it('shows a partner who has it open by name, tells those following, and drops them when they close it', async () => {
    const { a, b, id } = await pair();
    expect(await here(b.client, id)).toEqual([]);
    const following = await openStream(t.app, b.client, id);
    const looking = await openStream(t.app, a.client, id);
    await following.next('presence-changed');
    expect(await here(b.client, id)).toEqual(
      expect.arrayContaining([
        { name: 'Test Person', organisation: 'Werkpoort Hier', you: false },
        { name: 'Test Person', organisation: 'Bouw Hier', you: true },
      ]),
    );
    // Names only: nothing else about the person travels.
    expect(Object.keys((await here(a.client, id))[0]!).sort()).toEqual(['name', 'organisation', 'you']);
    const before = following.presence.length;
    looking.close();
    await eventually(
      async () => (await here(b.client, id)).every((p) => p.organisation !== 'Werkpoort Hier'),
      'the closed stream drops off',
    );
    await eventually(async () => following.presence.length > before, 'followers are told');
    following.close();
  });

  it('is not shown to outsiders, and a partner that left or a removed member disappears at once', async () => {
    const { a, b, id } = await pair();
    const colleague = await addMember(t.app, b.client);
    const outsider = await signUpWithOrganisation(t.app, 'Buiten Hier');
    expect((await outsider.client.get(`/collaborations/${id}/presence`)).status).toBe(404);
    const streams = [await openStream(t.app, b.client, id), await openStream(t.app, colleague, id)];
    await eventually(async () => (await here(a.client, id)).length === 2, 'both are here');
    await b.client.delete(`/organisation/members/${colleague.userId}`);
    await eventually(async () => (await here(a.client, id)).length === 1, 'the removed member is gone');
    await b.client.post(`/collaborations/${id}/leave`);
    expect(await here(a.client, id)).toEqual([]);
    for (const stream of streams) stream.close();
  });

  it('forgets a stream whose server went away once it is over a minute old', async () => {
    const { a, b, id } = await pair();
    await t.database.db.insert(presence).values({
      collaborationId: id,
      userId: b.client.userId!,
      organisationId: b.organisationId,
      seenAt: new Date(Date.now() - 2 * 60_000),
    });
    expect(await here(a.client, id)).toEqual([]);
  });
});
