import createClient, { type Middleware } from 'openapi-fetch';
import type { ErrorResponse } from '../../contracts/common.ts';
import type { paths } from './schema.d.ts';

/** An error the API answered with: code and per-field details, as the contracts describe. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field: string; message: string }[] = [],
    /** Anything the API sent beside `error`, such as the current version after an edit conflict. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }

  fieldError(field: string): string | undefined {
    return this.details.find((d) => d.field === field || d.field.startsWith(`${field}.`))?.message;
  }
}

let csrfToken: string | null = null;

/** Called whenever the API hands out the session's CSRF token (GET /me, sign-in, sign-up). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The answers that carry the session's CSRF token; checked against the document, so a renamed route fails here. */
const HANDS_OUT_CSRF: ReadonlySet<string> = new Set([
  'GET /me',
  'POST /auth/sign-in',
  'POST /auth/sign-up',
] satisfies `${'GET' | 'POST'} ${keyof paths}`[]);

/** Cookie-authenticated writes must carry the session's CSRF token (the server refuses them otherwise). */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return undefined;
  },
  async onResponse({ request, response, schemaPath }) {
    if (!response.ok || !HANDS_OUT_CSRF.has(`${request.method} ${schemaPath}`)) return undefined;
    // Read a copy: the caller still reads the body itself.
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { csrfToken?: unknown };
    if (typeof body.csrfToken === 'string' || body.csrfToken === null) setCsrfToken(body.csrfToken);
    return undefined;
  },
};

/** Any answer but 2xx becomes an ApiError, so queries and mutations fail with the API's code and fields. */
export const errorMiddleware: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await apiErrorFrom(response);
    return undefined;
  },
  onError({ error }) {
    // A request cancelled on purpose stays an abort; anything else means the API could not be reached.
    if (error instanceof Error && error.name === 'AbortError') return undefined;
    return new ApiError(0, 'network', 'network');
  },
};

async function apiErrorFrom(response: Response): Promise<ApiError> {
  const text = await response.text();
  let data: Record<string, unknown> = {};
  try {
    if (text) data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  const error = (data as Partial<ErrorResponse>).error;
  return new ApiError(
    response.status,
    error?.code ?? 'unknown',
    error?.message ?? response.statusText,
    error?.details,
    data,
  );
}

/** Builds a caller of the API described by `paths`; tests pass their own fetch and base URL. */
export function createApiClient(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '/api/v1',
    fetch: options.fetch,
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  client.use(csrfMiddleware, errorMiddleware);
  return client;
}

/** The one caller of the API in the web client: every method and path is checked against the document. */
export const api = createApiClient();

/**
 * The data of an answer. Error answers never get here (errorMiddleware throws them as ApiError), so the
 * data is what the document promises for success, or undefined for an empty answer (204).
 */
export async function unwrap<Data>(
  request: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  const { data } = await request;
  return data as Data;
}
