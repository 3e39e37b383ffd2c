import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { expectAccessible, PASSWORD } from './pages/app.ts';
import { wordsIn } from './pages/words.ts';

const w = wordsIn('nl');
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

/** A new person with a new organisation, signed in in their own browser, in Dutch; writes through its API. */
async function person(browser: Browser, name: string, organisation: string, type: string) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('impact-wheel.language', 'nl'));
  const signedUp = await context.request.post('/api/v1/auth/sign-up', {
    data: { name, email: `live-${unique()}@example.org`, password: PASSWORD },
  });
  expect(signedUp.status()).toBe(201);
  const csrf = ((await signedUp.json()) as { csrfToken: string }).csrfToken;
  const api = (request: APIRequestContext) => ({
    post: (url: string, data?: unknown) =>
      request.post(`/api/v1${url}`, { headers: { 'x-csrf-token': csrf }, data: data ?? {} }),
    put: (url: string, data: unknown) =>
      request.put(`/api/v1${url}`, { headers: { 'x-csrf-token': csrf }, data }),
  });
  const calls = api(context.request);
  expect((await calls.post('/organisations', { name: organisation, type })).status()).toBe(201);
  const page = await context.newPage();
  // Submitting asks "are you sure?" in the browser's own dialog.
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page, ...calls };
}

// Issue 11, point 1: two partners with the workspace open see each other's submit and the reveal within two
// seconds, without reloading.
test('a partner’s submit and the reveal appear on the other’s open screen, live', async ({ browser }) => {
  const a = await person(browser, 'Anna Live', 'Werkpoort Live', 'wise');
  const b = await person(browser, 'Bram Live', 'Bouw Live', 'regular-company');
  const created = await a.post('/collaborations', { name: 'Live samen', ambition: 'integration' });
  const id = ((await created.json()) as { collaboration: { id: string } }).collaboration.id;
  const link = ((await (await a.post(`/collaborations/${id}/invitations`)).json()) as { link: string }).link;
  expect(
    (await b.post(`/partner-invitations/${link.split('/partner-invitations/')[1]}/accept`)).status(),
  ).toBe(200);
  await a.put(`/collaborations/${id}/answers/ambition`, { rating: 3, answer: null });
  await b.put(`/collaborations/${id}/answers/ambition`, { rating: 1, answer: null });

  await a.page.goto(`/collaborations/${id}?tab=wheel`);
  await b.page.goto(`/collaborations/${id}?tab=wheel`);
  const statusOf = (page: typeof a.page, key: 'collab.partnerSubmitted' | 'collab.partnerNotYet') =>
    page.locator('.round-bar').getByText(`Bouw Live: ${w(key)}`);
  await expect(statusOf(a.page, 'collab.partnerNotYet')).toBeVisible();

  // B hands in on their screen; A's screen says so without a reload.
  await b.page.getByRole('button', { name: w('collab.submit') }).click();
  await expect(
    a.page.getByRole('status').filter({ hasText: w('live.submitted', { org: 'Bouw Live' }) }),
  ).toBeVisible({
    timeout: 2_000,
  });
  await expect(statusOf(a.page, 'collab.partnerSubmitted')).toBeVisible({ timeout: 2_000 });
  await expectAccessible(a.page, 'the workspace after a live update');

  // A hands in: the reveal reaches B's open screen, with A's rating on the rim.
  await a.page.getByRole('button', { name: w('collab.submit') }).click();
  await expect(b.page.getByRole('status').filter({ hasText: w('live.revealed') })).toBeVisible({
    timeout: 2_000,
  });
  await expect(b.page.locator('[data-topic="ambition"] .rating text')).toHaveText(['1', '3'], {
    timeout: 2_000,
  });

  await a.context.close();
  await b.context.close();
});
