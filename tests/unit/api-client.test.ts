import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, setCsrfToken, unwrap } from '../../src/web/api/client.ts';

/** A fake server: records each request and answers with the next prepared response. */
function fakeServer(...answers: (Response | Error)[]) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    requests.push(input as Request);
    const answer = answers.shift();
    if (!answer || answer instanceof Error) throw answer ?? new Error('no answer prepared');
    return answer;
  };
  return { requests, api: createApiClient({ baseUrl: 'http://app.test/api/v1', fetch }) };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const me = (csrfToken: string | null) => ({
  user: { id: 'u1', name: 'Sanne', email: 'sanne@example.org', platformRoles: [] },
  activeOrganisationId: null,
  memberships: [],
  csrfToken,
});

beforeEach(() => setCsrfToken(null));

describe('the web client’s API caller', () => {
  it('sends the CSRF token from GET /me on writes, not on reads', async () => {
    const server = fakeServer(json(200, me('token-1')), json(200, { ok: true }), json(200, { tokens: [] }));
    await unwrap(server.api.GET('/me'));
    await unwrap(server.api.POST('/auth/sign-out'));
    await unwrap(server.api.GET('/me/tokens'));
    const [, signOut, tokens] = server.requests;
    expect(signOut?.url).toBe('http://app.test/api/v1/auth/sign-out');
    expect(signOut?.headers.get('x-csrf-token')).toBe('token-1');
    // No body, so no content type: Fastify refuses an empty JSON body.
    expect(signOut?.headers.get('content-type')).toBeNull();
    expect(tokens?.headers.get('x-csrf-token')).toBeNull();
  });

  it('takes the new token from sign-in, and fills path parameters', async () => {
    const server = fakeServer(json(200, me('token-2')), json(200, { ok: true }));
    await unwrap(server.api.POST('/auth/sign-in', { body: { email: 'a@example.org', password: 'x' } }));
    await unwrap(server.api.DELETE('/me/tokens/{id}', { params: { path: { id: 'abc/def' } } }));
    expect(server.requests[1]?.url).toBe('http://app.test/api/v1/me/tokens/abc%2Fdef');
    expect(server.requests[1]?.headers.get('x-csrf-token')).toBe('token-2');
  });

  it('turns an error answer into ApiError with its code, fields and body', async () => {
    const current = { id: 'a1', text: 'Their text', version: 3 };
    const server = fakeServer(
      json(409, {
        error: {
          code: 'edit_conflict',
          message: 'Changed meanwhile',
          details: [{ field: 'text', message: 'x' }],
        },
        current,
      }),
    );
    const failure = await unwrap(server.api.GET('/me')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    const error = failure as ApiError;
    expect([error.status, error.code, error.message]).toEqual([409, 'edit_conflict', 'Changed meanwhile']);
    expect(error.fieldError('text')).toBe('x');
    expect(error.body.current).toEqual(current);
  });

  it('reads an error answer that is not JSON by its status alone', async () => {
    const server = fakeServer(
      new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = (await unwrap(server.api.GET('/organisation')).catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code, error.message]).toEqual([502, 'unknown', 'Bad Gateway']);
  });

  it('reports an unreachable server as a network error', async () => {
    const server = fakeServer(new TypeError('fetch failed'));
    const error = (await unwrap(server.api.GET('/organisation')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code]).toEqual([0, 'network']);
  });

  it('gives undefined for an empty answer', async () => {
    const server = fakeServer(new Response(null, { status: 204 }));
    await expect(unwrap(server.api.POST('/organisation/leave'))).resolves.toBeUndefined();
  });
});
