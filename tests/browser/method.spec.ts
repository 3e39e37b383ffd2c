import { expect, type Page, test } from '@playwright/test';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

// Issue 10, point 13: the method in the product. The topics and questions come from the instrument, so the
// page is checked against the same data rather than a list typed into this test.

async function expectTheWheel(page: Page, lang: 'nl' | 'en', topicsTitle: string) {
  const topics = page.getByRole('region', { name: topicsTitle });
  await expect(topics.getByRole('listitem')).toHaveCount(wheel.topics.length);
  for (const topic of wheel.topics) {
    const item = topics.locator(`[data-topic="${topic.id}"]`);
    await expect(item).toContainText(topic.label[lang]);
    await expect(item).toContainText(topic.question[lang]);
  }
  for (const domain of wheel.domains)
    await expect(topics.getByRole('heading', { level: 3, name: domain.label[lang] })).toBeVisible();
  for (const stage of wheel.stages)
    await expect(page.getByRole('heading', { level: 3, name: stage.label[lang] })).toBeVisible();
}

test('the landing page leads to the method, in Dutch and in English, with all topics and a table of contents', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Lees hoe de methode werkt' }).click();
  await expect(page).toHaveURL(/\/method$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('De methode');
  await expectTheWheel(page, 'nl', `De ${wheel.topics.length} onderwerpen`);
  await expect(page.getByText('anderhalf tot twee uur')).toBeVisible();
  await expect(page.getByText('de Bell, L. en Bakker, L. (2024)')).toBeVisible();

  // The table of contents jumps to each section, in the order of the headings.
  const toc = page.getByRole('navigation', { name: 'Op deze pagina' });
  const entries = await toc.getByRole('link').allTextContents();
  const headings = await page.locator('.method-section > h2').allTextContents();
  expect(entries).toEqual(headings);
  await toc.getByRole('link', { name: 'Zo voer je het gesprek' }).click();
  await expect(page).toHaveURL(/#conversation$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Zo voer je het gesprek' })).toBeInViewport();
  await expectAccessible(page, 'method (nl)');

  // On a phone the page reads without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'method (nl, phone)');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('link', { name: 'Read how the method works' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The method');
  await expectTheWheel(page, 'en', `The ${wheel.topics.length} topics`);
  await expect(page.getByText('one and a half to two hours')).toBeVisible();
  await expectAccessible(page, 'method (en)');

  // The empty canvas to print, in the reader's language (issue 10, point 15).
  const canvas = page.getByRole('link', { name: 'Empty canvas (A4, PDF)' });
  await expect(canvas).toHaveAttribute('href', '/api/v1/instrument/canvas.pdf?size=a4&lang=en');
  const pdf = await page.request.get((await canvas.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await expect(page.getByRole('link', { name: 'Empty canvas (A3, PDF)' })).toBeVisible();
});

test.describe('the workspace tour', () => {
  // Every other spec starts with the tour seen (playwright.config.ts); this one is a first visit.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('opens on the first workspace, closes with Escape, stays closed and comes back from its button', async ({
    page,
  }) => {
    const app = new ImpactWheel(page);
    await app.useDutch();
    await app.signIn('sanne@werkpoort.demo', 'impactwheel-demo');
    const cards = (await (await page.request.get('/api/v1/collaborations')).json()) as {
      collaborations: { id: string }[];
    };
    await page.goto(`/collaborations/${cards.collaborations[0]!.id}`);

    const tour = page.getByRole('dialog', { name: 'Rondleiding door de samenwerking' });
    await expect(tour).toBeVisible();
    await expect(tour.getByText('Stap 1 van 5')).toBeVisible();
    await expect(tour.getByRole('button', { name: 'Volgende' })).toBeFocused();
    await expectAccessible(page, 'workspace tour');
    await page.keyboard.press('Enter');
    await expect(tour.getByText('Stap 2 van 5')).toBeVisible();
    await expect(tour.getByRole('heading', { name: 'Eerst ieder voor zich' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tour).toBeHidden();

    // Remembered in this browser: no tour on the next visit.
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Wiel' })).toBeVisible();
    await expect(tour).toBeHidden();

    const button = page.getByRole('button', { name: 'Rondleiding' });
    await button.click();
    await expect(tour).toBeVisible();
    await expect(tour.getByText('Stap 1 van 5')).toBeVisible();
    for (let step = 1; step < 5; step++) await tour.getByRole('button', { name: 'Volgende' }).click();
    await expect(tour.getByRole('heading', { name: 'Afspraken en acties' })).toBeVisible();
    await expect(tour.getByRole('button', { name: 'Klaar' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tour).toBeHidden();
    await expect(button).toBeFocused();

    // The wheel tab says where to read how the wheel works.
    await page.getByRole('link', { name: 'Hoe werkt het wiel?' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('De methode');
  });
});
