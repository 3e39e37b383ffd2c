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
  await page.getByRole('button', { name: 'Download al onze gegevens' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^impact-wheel-werkpoort.*\.zip$/);
  await expect(page.getByText('Gedownload.')).toBeVisible();
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const json = JSON.parse(strFromU8(files['organisation.json']!));
  expect(json.collaborations.length).toBeGreaterThan(0);
  expect(Object.keys(files)).toContain('wheel_answers.csv');
});
