import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/app.ts';
import { partnered, person } from './pages/people.ts';
import { wordsIn } from './pages/words.ts';

// Issue 13, first slice: a partner chooses an indicator from the library and enters its figure; the other sees
// the total against the target, with the definition beside it. English, on a phone.
test('partners count people placed together on the Impact tab, at 375 px in English', async ({ browser }) => {
  const w = wordsIn('en');
  const a = await person(browser, 'Ann Ledger', 'Workshop Ledger', 'wise', { lang: 'en', width: 375 });
  const b = await person(browser, 'Bob Ledger', 'Builder Ledger', 'regular-company', {
    lang: 'en',
    width: 375,
  });
  const id = await partnered(a, b, 'Counting together');
  await a.page.goto(`/collaborations/${id}`);
  await a.page.getByRole('tab', { name: w('collab.ledgerTab'), exact: true }).click();
  await expect(a.page.getByText(w('ledger.empty'))).toBeVisible();
  await a.page.getByLabel(w('ledger.choose')).selectOption({ label: 'People placed' });
  await a.page.getByRole('button', { name: w('ledger.add'), exact: true }).click();
  const card = a.page.getByRole('article', { name: /People placed/ });
  await expect(card.getByText(/started paid work/)).toBeVisible();
  const month = new Date().toISOString().slice(0, 7);
  await card.getByLabel(w('ledger.targetPeriod')).fill(month);
  await card.getByLabel(w('ledger.target'), { exact: true }).fill('3');
  await card.getByRole('button', { name: w('ledger.setTarget') }).click();
  await card.getByLabel(w('ledger.ourValue', { org: 'Workshop Ledger' })).fill('2');
  await card.getByRole('button', { name: w('ledger.enter'), exact: true }).click();
  await expect(card.getByRole('row', { name: new RegExp(month) })).toContainText('2');
  await expectAccessible(a.page, 'impact ledger');
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await b.page.goto(`/collaborations/${id}`);
  await b.page.getByRole('tab', { name: w('collab.ledgerTab'), exact: true }).click();
  const seen = b.page.getByRole('article', { name: /People placed/ });
  await seen.getByLabel(w('ledger.ourValue', { org: 'Builder Ledger' })).fill('1,0');
  await seen.getByRole('button', { name: w('ledger.enter'), exact: true }).click();
  await expect(seen.getByText(w('ledger.met', { period: month, total: 3, target: 3 }))).toBeVisible();
  for (const p of [a, b]) await p.context.close();
});
