import { expect, test } from '@playwright/test';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

// Issue 10, point 4: a chosen rating is never lost, also not when moving on without a button, or offline.
test('answers save as they are given, survive moving on and a lost connection, and warn before closing', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const app = new ImpactWheel(await context.newPage());
  const page = app.page;
  await app.useDutch();
  await page.goto('/sign-up');
  await app.signUp('Ans Autosave', `ans-${unique()}@example.org`);
  await app.createOrganisation('Autosave Werkt', 'Regulier bedrijf');
  await page.goto('/collaborations/new');
  await page.getByLabel('Naam van de samenwerking').fill('Nooit kwijt');
  await page.getByLabel('Integratie: we stemmen ons werk op elkaar af').check();
  await page.getByRole('button', { name: 'Samenwerking starten' }).click();
  await page.getByRole('tab', { name: /^Wiel/ }).click();
  await page.getByRole('button', { name: /^Ambitie,/ }).click();

  // Choose a rating and move straight on with "next": no "Opslaan" pressed.
  await page.getByRole('radio', { name: '3 · grotendeels', exact: true }).check();
  await page.getByRole('button', { name: /^Volgende: / }).click();
  await expect(page.locator('#topic-title')).not.toHaveText('Ambitie');
  await page.getByRole('button', { name: /^Vorige: Ambitie/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ambitie' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '3 · grotendeels', exact: true })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: /^Ambitie,/ }).click();
  await expect(page.getByRole('radio', { name: '3 · grotendeels', exact: true })).toBeChecked();
  await expectAccessible(page, 'topic panel with autosave');

  // Offline: the answer waits and says so, the page asks before closing, and it is sent once back online.
  await context.setOffline(true);
  await page.getByLabel('Ons antwoord op de vraag').fill('Geschreven zonder verbinding');
  await expect(page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen' })).toBeVisible({
    timeout: 15_000,
  });
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible({ timeout: 20_000 });

  // Enter in the form keeps the focus where it was.
  const rating = page.getByRole('radio', { name: '4 · volledig', exact: true });
  await rating.check();
  await rating.press('Enter');
  await expect(rating).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible();

  // Handing in right after a change waits for the change to be saved.
  await page.getByRole('radio', { name: '2 · een beetje', exact: true }).check();
  page.on('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Antwoorden indienen' }).click();
  await expect(page.getByRole('button', { name: 'Antwoorden indienen' })).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: /^Ambitie,/ }).click();
  await expect(page.locator('.topic-panel').getByText('2 · een beetje')).toBeVisible();
  await expect(page.getByText('Geschreven zonder verbinding')).toBeVisible();
  await context.close();
});

test('on a phone, opening a topic brings it into view', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 720 } });
  const app = new ImpactWheel(await context.newPage());
  const page = app.page;
  await app.useDutch();
  await page.goto('/sign-up');
  await app.signUp('Piet Telefoon', `piet-${unique()}@example.org`);
  await app.createOrganisation('Telefoon Werkt', 'Regulier bedrijf');
  await page.goto('/collaborations/new');
  await page.getByLabel('Naam van de samenwerking').fill('Klein scherm');
  await page.getByLabel('Integratie: we stemmen ons werk op elkaar af').check();
  await page.getByRole('button', { name: 'Samenwerking starten' }).click();
  await page.getByRole('tab', { name: /^Wiel/ }).click();
  // On a phone the list is offered first (issue 10, point 9).
  await expect(page.getByRole('button', { name: 'Toon als wiel' })).toBeVisible();
  await page.getByRole('button', { name: /^Ambitie waardecreatie/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ambitie' })).toBeInViewport();
  await context.close();
});
