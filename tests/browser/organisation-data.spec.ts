import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

test('an admin downloads all of the organisation’s data as a zip, with progress', async ({ page }) => {
  const app = new ImpactWheel(page);
  await app.useDutch();
  await app.signIn('sanne@werkpoort.demo', 'impactwheel-demo');
  await app.nav('Organisatie').click();
  await expect(page.getByRole('heading', { name: 'De gegevens van je organisatie' })).toBeVisible();
  await expectAccessible(page, 'organisation with data download');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Al onze gegevens downloaden' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^impact-wheel-werkpoort.*\.zip$/);
  await expect(page.getByText('Gedownload.')).toBeVisible();
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const json = JSON.parse(strFromU8(files['organisation.json']!));
  expect(json.collaborations.length).toBeGreaterThan(0);
  expect(Object.keys(files)).toContain('wheel_answers.csv');
});

test('an admin schedules the organisation’s deletion, confirmed by its name, and cancels it', async ({
  page,
}) => {
  const app = new ImpactWheel(page);
  await app.useDutch();
  await page.goto('/sign-up');
  await app.signUp('Vera Vertrek', `vertrek-${Date.now()}@example.org`);
  await app.createOrganisation('Vertrek Proef BV', 'Regulier bedrijf');
  const remove = page.getByRole('button', { name: 'Verwijderen over 30 dagen' });
  await expect(remove).toBeDisabled();
  await page.getByLabel('Typ de naam van de organisatie om te bevestigen').fill('Vertrek Proef');
  await expect(remove).toBeDisabled();
  await page.getByLabel('Typ de naam van de organisatie om te bevestigen').fill('Vertrek Proef BV');
  await remove.click();
  await expect(page.getByText(/Deze organisatie wordt verwijderd op/)).toBeVisible();
  await expectAccessible(page, 'organisation with pending deletion');
  await page.getByRole('button', { name: 'Verwijderen annuleren' }).click();
  await expect(page.getByText('Het verwijderen is geannuleerd.')).toBeVisible();
});
