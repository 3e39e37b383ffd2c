import { expect, test } from '@playwright/test';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

test('the platform admin sees role changes in the security log, in plain words', async ({ page }) => {
  const app = new ImpactWheel(page);
  await app.useDutch();
  await app.signIn('beheer@impactwheel.demo', 'impactwheel-demo');
  await page.goto('/admin');
  await page.getByLabel('Zoek op naam of e-mail').fill('marco');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const researcher = page.getByRole('checkbox', { name: /^Onderzoeker: Marco/ });
  await researcher.check();
  await expect(researcher).toBeChecked();
  await researcher.uncheck();
  await expect(researcher).not.toBeChecked();
  await page.reload();
  const log = page.getByRole('region', { name: 'Beveiligingslogboek' });
  await expect(log.getByText(/heeft Marco .* de rol onderzoeker afgenomen/)).toBeVisible();
  await expect(log.getByText(/heeft Marco .* de rol onderzoeker gegeven/)).toBeVisible();
  await expectAccessible(page, 'admin page with security log');
});
