import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/app.ts';
import { partnered, person } from './pages/people.ts';
import { wordsIn } from './pages/words.ts';

const w = wordsIn('nl');
// Issue 11, point 1: two partners with the workspace open see each other's submit and the reveal within two
// seconds, without reloading.
test('a partner’s submit and the reveal appear on the other’s open screen, live', async ({ browser }) => {
  const a = await person(browser, 'Anna Live', 'Werkpoort Live', 'wise');
  const b = await person(browser, 'Bram Live', 'Bouw Live', 'regular-company');
  const id = await partnered(a, b, 'Live samen');
  await a.put(`/collaborations/${id}/answers/ambition`, { rating: 3, answer: null });
  await b.put(`/collaborations/${id}/answers/ambition`, { rating: 1, answer: null });

  await a.page.goto(`/collaborations/${id}?tab=wheel`);
  await b.page.goto(`/collaborations/${id}?tab=wheel`);
  const statusOf = (page: typeof a.page, key: 'collab.partnerSubmitted' | 'collab.partnerNotYet') =>
    page.locator('.round-bar').getByText(`Bouw Live: ${w(key)}`);
  await expect(statusOf(a.page, 'collab.partnerNotYet')).toBeVisible();
  // Each sees that the other has the collaboration open now.
  await expect(a.page.getByText(w('live.presence', { names: 'Bram Live (Bouw Live)' }))).toBeVisible({
    timeout: 2_000,
  });
  await expect(b.page.getByText(w('live.presence', { names: 'Anna Live (Werkpoort Live)' }))).toBeVisible();

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
