import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountsApp, startAccountsApp } from './accounts-app.ts';
import { Client, PASSWORD, signUp, uniqueEmail } from './harness.ts';

// Issue 9, point 7: failed sign-ins slow the next attempt down exponentially instead of locking the account;
// a right password from a new address never waits more than a minute. The app reads a clock the tests move,
// so quarter-hour waits take no time. Default limits: per pair and per e-mail 3 free failures, per address 10.
let clock = Date.parse('2026-03-02T09:00:00Z');
const advance = (seconds: number) => {
  clock += seconds * 1000;
};
let t: AccountsApp;
beforeAll(async () => {
  t = await startAccountsApp({ signIn: { now: () => clock } });
});
afterAll(async () => {
  await t.close();
});

const WRONG = 'a wrong password here';
let nextAddress = 0;
function from(address = `10.77.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`) {
  const client = new Client(t.app);
  client.address = address;
  return client;
}
const signIn = (client: Client, email: string, password = WRONG) =>
  client.post('/auth/sign-in', { email, password });
const retryAfter = (response: { raw: { headers: Record<string, unknown> } }) =>
  Number(response.raw.headers['retry-after']);

describe('sign-in back-off', () => {
  it('doubles the wait per e-mail and address pair after three free failures, up to a quarter of an hour', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'Target', email);
    const guesser = from();
    const free = [];
    for (let i = 0; i < 3; i++) free.push((await signIn(guesser, email)).status);
    expect(free).toEqual([401, 401, 401]);

    const waits: number[] = [];
    for (let i = 0; i < 13; i++) {
      const refused = await signIn(guesser, email);
      expect(refused.status).toBe(429);
      waits.push(retryAfter(refused));
      advance(retryAfter(refused) - 1);
      expect((await signIn(guesser, email)).status, 'a second early').toBe(429);
      advance(1);
      expect((await signIn(guesser, email)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });

  it('answers 429 with Retry-After and an error naming when to try again', async () => {
    const email = uniqueEmail();
    const guesser = from();
    for (let i = 0; i < 3; i++) await signIn(guesser, email);
    const refused = await signIn(guesser, email);
    expect(refused.status).toBe(429);
    expect(refused.raw.headers['retry-after']).toBe('1');
    const retryAt = new Date(clock + 1000).toISOString();
    expect(refused.body.error).toEqual({
      code: 'too_many_attempts',
      message: `Too many failed sign-in attempts. Try again in 1 seconds, after ${retryAt}.`,
      details: [{ field: 'retryAt', message: retryAt }],
    });
  });

  it('never makes the right password from a new address wait more than a minute, however many addresses guessed', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'Owner', email);
    // Forty addresses guess, each trying again the moment it is let in.
    let failures = 0;
    for (let attempts = 0; attempts < 40 || failures < 12; attempts++) {
      const response = await signIn(from(), email);
      if (response.status === 401) failures++;
      else advance(retryAfter(response));
    }
    // The last guess was let in (a 401), so the e-mail's back-off runs at its longest now.
    while ((await signIn(from(), email)).status === 429) advance(60);
    const refused = await signIn(from(), email);
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBe(60);

    const owner = from();
    const first = await signIn(owner, email, PASSWORD);
    expect(first.status).toBe(429);
    expect(retryAfter(first)).toBeLessThanOrEqual(60);
    advance(retryAfter(first));
    expect((await signIn(owner, email, PASSWORD)).status).toBe(200);
    // Signing in starts the e-mail's back-off again: the next wrong password from elsewhere is a plain 401.
    expect((await signIn(from(), email)).status).toBe(401);
  });

  it('holds the limit under 40 parallel wrong sign-ins: only the free failures reach a password check', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'Racer', email);
    const responses = await Promise.all(Array.from({ length: 40 }, () => signIn(from(), email)));
    const statuses = responses.map((r) => r.status);
    // However the requests interleave, the per-e-mail back-off lets three through, then waits.
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
    expect(responses.filter((r) => r.status === 429).every((r) => retryAfter(r) === 1)).toBe(true);
  });

  it('slows down one address trying many accounts after ten free failures, and only that address', async () => {
    const machine = from();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signIn(machine, uniqueEmail())).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    expect((await signIn(from(), uniqueEmail())).status).toBe(401);
    advance(1);
    expect((await signIn(machine, uniqueEmail())).status).toBe(401);
    expect(retryAfter(await signIn(machine, uniqueEmail()))).toBe(2);
  });

  it('counts guesses of the current password on a password change, and lets the right one in after the wait', async () => {
    const client = await signUp(t.app, 'Guesser');
    client.address = from().address;
    const change = (currentPassword: string) =>
      client.post('/me/password', { currentPassword, newPassword: 'a brand new password' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await change(`guess number ${i} here`)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    const right = await change(PASSWORD);
    expect(right.status).toBe(429);
    expect(retryAfter(right)).toBe(1);
    advance(1);
    expect((await change(PASSWORD)).status).toBe(200);
  });
});

describe('the e-mail about failed sign-ins', () => {
  it('goes to the owner once per day after five failures, naming the count and the address', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'Anouk', email);
    const guesser = from('10.88.0.1');
    const before = t.mail.length;
    const attempt = async () => {
      const response = await signIn(guesser, email);
      if (response.status === 429) {
        advance(retryAfter(response));
        return signIn(guesser, email);
      }
      return response;
    };
    for (let i = 0; i < 4; i++) expect((await attempt()).status).toBe(401);
    expect(t.mail.length).toBe(before);
    expect((await attempt()).status).toBe(401);
    const sent = t.mail.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(email);
    expect(sent[0]!.subject).toContain('Failed sign-ins to your Impact Wheel account');
    expect(sent[0]!.text).toContain('with a wrong password 5 times');
    expect(sent[0]!.text).toContain('5 keer');
    expect(sent[0]!.text).toContain('10.88.0.1');
    expect(sent[0]!.text).toContain('http://localhost:3000/account');
    expect(sent[0]!.text).not.toContain(WRONG);

    // Not once per attempt: more failures the same day send nothing more.
    for (let i = 0; i < 4; i++) expect((await attempt()).status).toBe(401);
    expect(t.mail.length).toBe(before + 1);

    // The next day, five new failures alert again.
    advance(24 * 3600);
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    expect(t.mail.length).toBe(before + 2);
  });

  it('is not sent for typos followed by the right password, nor for addresses without an account', async () => {
    const email = uniqueEmail();
    await signUp(t.app, 'Typist', email);
    const person = from();
    const before = t.mail.length;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) expect((await signIn(person, email)).status).toBe(401);
      advance(1);
      expect((await signIn(person, email, PASSWORD)).status).toBe(200);
    }
    const stranger = from();
    const nobody = uniqueEmail();
    for (let i = 0; i < 6; i++) {
      const response = await signIn(stranger, nobody);
      if (response.status === 429) advance(retryAfter(response));
    }
    expect(t.mail.length).toBe(before);
  });
});
