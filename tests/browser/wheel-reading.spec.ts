import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

/** The smallest text on the wheel as the screen draws it, in CSS pixels. */
async function smallestWheelText(page: Page): Promise<number> {
  return page.locator('.wheel-chart').evaluate((svg) => {
    const chart = svg as SVGSVGElement;
    const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
    return Math.min(
      ...[...chart.querySelectorAll('text')].map(
        (t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale,
      ),
    );
  });
}

async function openDemoWorkspace(app: ImpactWheel, tab: string) {
  const signedIn = await app.page.request.post('/api/v1/auth/sign-in', {
    data: { email: 'sanne@werkpoort.demo', password: 'impactwheel-demo' },
  });
  expect(signedIn.status()).toBe(200);
  const cards = (await (await app.page.request.get('/api/v1/collaborations')).json()) as {
    collaborations: { id: string; name: string }[];
  };
  // The demo collaboration with three rounds (the other one, of the partnering process, has one).
  const shared = cards.collaborations.find((c) => c.name === 'Inpakken en verzenden voor de bouw')!;
  await app.page.goto(`/collaborations/${shared.id}?tab=${tab}`);
}

// Issue 10, points 9 and 10: a wheel you can read, with the rings and domains named on it and last round beside.
test('the wheel names its rings and domains, sets no label under 11 px at 1280 px, and keeps the last round', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const app = new ImpactWheel(page);
  await app.useDutch();
  await openDemoWorkspace(app, 'wheel');
  const wheel = page.getByRole('group', { name: /wiel/i });
  await expect(wheel).toBeVisible();
  expect(await smallestWheelText(page)).toBeGreaterThanOrEqual(11);
  for (const name of [
    'Oriëntatie',
    'Integratie',
    'Transformatie',
    'Waardecreatie',
    'Middelen',
    'Partnerschap',
  ])
    await expect(page.locator('.wheel-chart text', { hasText: name }).first()).toBeVisible();
  // "Verantwoordelijkheid" is broken at a syllable, not shrunk.
  await expect(page.locator('[data-topic] tspan', { hasText: 'Verantwoor-' })).toHaveCount(1);
  // Round 3 is open: round 2 stays as a faint edge, said in words on each segment and in the legend.
  await expect(page.locator('.wheel-chart .previous').first()).toBeVisible();
  await expect(page.getByText('Dunne binnenrand: hoe het er in de vorige ronde voor stond')).toBeVisible();
  await expect(page.getByRole('button', { name: /vorige ronde (nog niet )?op orde/ }).first()).toBeVisible();
  // Our own answers of this round stay on the rim after handing in.
  await expect(page.locator('.wheel-chart .rating').first()).toBeVisible();
  await page.getByRole('button', { name: /^Inzet,/ }).click();
  await expectAccessible(page, 'the wheel with names, rims and last round');

  await page.getByRole('tab', { name: 'Rondes' }).click();
  await expect(page.getByRole('heading', { name: 'Het wiel per ronde' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Wiel van ronde 1: \d+ van de 21 onderwerpen op orde$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Wiel van ronde 2: \d+ van de 21 onderwerpen op orde$/ }),
  ).toBeVisible();
  await expectAccessible(page, 'the rounds side by side');
});

test('on a phone the list comes first and the wheel is one tap away, in English', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const app = new ImpactWheel(page);
  await page.addInitScript(() => localStorage.setItem('impact-wheel.language', 'en'));
  await openDemoWorkspace(app, 'wheel');
  await expect(page.getByRole('button', { name: 'Show as wheel' })).toBeVisible();
  await expect(page.locator('.topic-list')).toBeVisible();
  await page.getByRole('button', { name: 'Show as wheel' }).click();
  await expect(page.getByRole('group', { name: /wheel/i })).toBeVisible();
  await expect(page.locator('.wheel-chart text', { hasText: 'Partnership processes' })).toBeVisible();
  await expectAccessible(page, 'the wheel on a phone');
});
