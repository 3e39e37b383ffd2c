import { type APIRequestContext, type Browser, expect } from '@playwright/test';
import { PASSWORD } from './app.ts';

export const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

/**
 * A new person with a new organisation, signed in in their own browser (Dutch unless asked), writing through
 * the API for the set-up a test does not walk through on screen.
 */
export async function person(
  browser: Browser,
  name: string,
  organisation: string,
  type: string,
  options: { lang?: 'nl' | 'en'; width?: number } = {},
) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1000, height: 800 } });
  await context.addInitScript(
    (lang) => localStorage.setItem('impact-wheel.language', lang),
    options.lang ?? 'nl',
  );
  const signedUp = await context.request.post('/api/v1/auth/sign-up', {
    data: { name, email: `person-${unique()}@example.org`, password: PASSWORD },
  });
  expect(signedUp.status()).toBe(201);
  const body = (await signedUp.json()) as { csrfToken: string; user: { id: string } };
  const api = (request: APIRequestContext) => ({
    post: (url: string, data?: unknown) =>
      request.post(`/api/v1${url}`, { headers: { 'x-csrf-token': body.csrfToken }, data: data ?? {} }),
    put: (url: string, data: unknown) =>
      request.put(`/api/v1${url}`, { headers: { 'x-csrf-token': body.csrfToken }, data }),
  });
  const calls = api(context.request);
  expect((await calls.post('/organisations', { name: organisation, type })).status()).toBe(201);
  const page = await context.newPage();
  // Submitting asks "are you sure?" in the browser's own dialog.
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page, userId: body.user.id, ...calls };
}

/** A collaboration started by `a` with `b` as partner; returns its id. */
export async function partnered(
  a: Awaited<ReturnType<typeof person>>,
  b: Awaited<ReturnType<typeof person>>,
  name: string,
) {
  const created = await a.post('/collaborations', { name, ambition: 'integration' });
  const id = ((await created.json()) as { collaboration: { id: string } }).collaboration.id;
  const link = ((await (await a.post(`/collaborations/${id}/invitations`)).json()) as { link: string }).link;
  expect(
    (await b.post(`/partner-invitations/${link.split('/partner-invitations/')[1]}/accept`)).status(),
  ).toBe(200);
  return id;
}
