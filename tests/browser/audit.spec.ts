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
  // Each change waits for the API's answer and the list read after it, so the next click meets a settled box.
  const saved = (method: string) =>
    page.waitForResponse((r) => r.url().includes('/roles/researcher') && r.request().method() === method);
  const reread = () => page.waitForResponse((r) => r.url().includes('/api/v1/admin/users?'));
  await Promise.all([saved('PUT'), reread(), researcher.click()]);
  await expect(researcher).toBeChecked();
  await Promise.all([saved('DELETE'), reread(), researcher.click()]);
  await expect(researcher).not.toBeChecked();
  await page.reload();
  const log = page.getByRole('region', { name: 'Beveiligingslogboek' });
  await expect(log.getByText(/heeft Marco .* de rol onderzoeker afgenomen/)).toBeVisible();
  await expect(log.getByText(/heeft Marco .* de rol onderzoeker gegeven/)).toBeVisible();
  await expectAccessible(page, 'admin page with security log');
});
