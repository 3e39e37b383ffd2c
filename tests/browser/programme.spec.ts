import { expect, test } from '@playwright/test';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

test('the facilitator opens the cohort chart of the research cohort; an organisation sees its consent', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new ImpactWheel(page);
  await app.useDutch();
  await app.signIn('begeleider@impactwheel.demo', 'impactwheel-demo');
  await app.nav("Programma's").click();
  await expectAccessible(page, 'programmes');
  await page.getByRole('link', { name: 'Impact door samenwerking 2021–2023' }).click();
  await expect(page.getByRole('heading', { name: 'De groep in beeld' })).toBeVisible();
  // Figures come from a publication; a new one waits until five assessments have come or gone.
  await expect(page.getByText(/Cijfers van publicatie 1, gepubliceerd op/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nieuwe cijfers publiceren' })).toBeDisabled();
  await expect(page.getByText(/0 zelfevaluaties toegevoegd of ingetrokken/)).toBeVisible();
  // The data table beside the chart: every statement rests on the twelve respondents of the study.
  const complementary = page.getByRole('row', { name: /Onze middelen vullen elkaar aan/ });
  await expect(complementary).toContainText('12');
  await expect(page.getByText('n = 12').first()).toBeVisible();
  await expectAccessible(page, 'cohort chart');
  // Issue 10, point 17: on a phone the table scrolls sideways; its region takes focus, so a keyboard can scroll it.
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page, 'cohort chart on a phone');
  await expect(page.getByRole('region', { name: 'De cijfers als tabel' })).toHaveAttribute('tabindex', '0');
  await page.setViewportSize({ width: 1280, height: 900 });
  // Filtered to the regular companies (six of twelve): the other six remain, so it is shown.
  await page.getByLabel('Soort organisatie').selectOption({ label: 'Regulier bedrijf' });
  await expect(page.getByText('n = 6').first()).toBeVisible();
  await page.getByLabel('Soort organisatie').selectOption({ label: 'Gemeente' });
  await expect(page.getByText('te weinig antwoorden om te tonen').first()).toBeVisible();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await app.signIn('sanne@werkpoort.demo', 'impactwheel-demo');
  await app.nav('Organisatie').click();
  const consent = page.getByLabel(
    'Deel onze ingediende zelfevaluaties met “Impact door samenwerking 2021–2023”',
  );
  await expect(consent).toBeChecked();
  await expectAccessible(page, 'organisation with programme consent');
});
