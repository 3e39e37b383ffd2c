import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, signUp, startTestApp, type TestApp, uniqueEmail } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health, instrument and OpenAPI', () => {
  it('reports health with the database engine and version', async () => {
    const response = await new Client(t.app).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(response.raw.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the wheel, the self-assessment and the partnering process', async () => {
    const client = new Client(t.app);
    const wheel = await client.get('/instrument/wheel');
    expect(wheel.body.topics).toHaveLength(21);
    expect(wheel.body.topics[0].question.nl).toBeTruthy();
    expect((await client.get('/instrument/assessment')).body.items).toHaveLength(12);
    expect((await client.get('/instrument/process')).body.steps).toHaveLength(4);
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const doc = (await new Client(t.app).get('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/organisation');
    const signUpBody = doc.paths['/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(signUpBody.properties.password).toBeDefined();
    expect(signUpBody.required).toEqual(expect.arrayContaining(['name', 'email', 'password']));
    expect(doc.paths['/auth/sign-up'].post.requestBody.required).toBe(true);
    // Submitting a self-assessment may carry what is on screen, or nothing: the document says the body is optional.
    expect(doc.paths['/collaborations/{id}/assessment/submit'].post.requestBody.required).toBe(false);
  });

  it('sends security headers', async () => {
    const response = await new Client(t.app).get('/health');
    expect(response.raw.headers['x-content-type-options']).toBe('nosniff');
    expect(response.raw.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('logs', () => {
  it('carry a request id and never a password, token, cookie, CSRF token or invitation secret', async () => {
    const email = uniqueEmail();
    const client = await signUp(t.app, 'Logged Person', email);
    await client.post('/auth/sign-in', { email, password: PASSWORD });
    await client.post('/auth/sign-in', { email, password: 'a wrong password that is long' });
    await client.post('/organisations', { name: 'Log Org', type: 'wise' });
    const token = await client.post('/me/tokens', { name: 'logged' });
    const script = new Client(t.app);
    script.bearer = token.body.secret;
    await script.get('/organisation');
    const invitation = await client.post('/organisation/invitations', { email: 'x@example.org' });
    const invitationSecret = invitation.body.link.split('/invitations/')[1];
    await new Client(t.app).get(`/invitations/${invitationSecret}`);
    const colleague = await signUp(t.app);
    await colleague.post(`/invitations/${invitationSecret}/accept`);
    await client.post('/me/password', { currentPassword: PASSWORD, newPassword: 'another long password' });

    const text = t.logs.join('');
    const cookieValue = client.cookie!.split('=')[1]!;
    for (const secret of [
      PASSWORD,
      'a wrong password that is long',
      'another long password',
      token.body.secret,
      invitationSecret,
      cookieValue,
      client.csrf!,
    ]) {
      expect(text).not.toContain(secret);
    }
    const lines = t.logs.map((line) => JSON.parse(line) as { reqId?: string; msg: string });
    const requestLines = lines.filter((l) => l.msg === 'incoming request');
    expect(requestLines.length).toBeGreaterThan(5);
    expect(requestLines.every((l) => typeof l.reqId === 'string')).toBe(true);
    expect(lines.some((l) => l.msg.startsWith('invitation created'))).toBe(true);
    expect(text).toContain('/invitations/[redacted]');
  });
});
