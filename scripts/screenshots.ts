// npm run screenshots [BASE_URL]: screenshots of every page in Dutch and English at phone and laptop width,
// into test-results/screenshots/, for looking at what we built. Needs a running app with demo data.
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = 'test-results/screenshots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  const response = await page.request.post(`${base}/api/v1/auth/sign-in`, {
    data: { email, password: 'impactwheel-demo' },
  });
  if (!response.ok()) throw new Error(`sign-in failed for ${email}: ${response.status()}`);
}

let invitationLink = '';
for (const language of ['nl', 'en'] as const) {
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 800 : 900 } });
    await context.addInitScript((lang) => localStorage.setItem('impact-wheel.language', lang), language);
    const page = await context.newPage();
    const shot = async (name: string) => {
      await page.waitForTimeout(400);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${out}/${name}-${language}-${width}.png`, fullPage: true });
    };
    for (const [name, path] of [
      ['landing', '/'],
      ['sign-in', '/sign-in'],
      ['sign-up', '/sign-up'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await shot(name);
    }
    await signIn(page, 'sanne@werkpoort.demo');
    for (const [name, path] of [
      ['dashboard', '/dashboard'],
      ['organisation', '/organisation'],
      ['account', '/account'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await shot(name);
    }
    await page.goto(`${base}/collaborations/new`);
    await shot('collaboration-new');
    await page.goto(`${base}/dashboard`);
    await page.getByRole('link', { name: 'Inpakken en verzenden voor de bouw' }).click();
    await page.waitForURL(/collaborations\//);
    const collaborationUrl = page.url();
    await shot('collaboration-wheel');
    await page.locator('[data-topic="equality"]').click();
    await shot('collaboration-topic');
    for (const tab of language === 'nl'
      ? ['Agenda', 'Rondes', 'Partners', 'Acties', 'Zelfevaluatie']
      : ['Agenda', 'Rounds', 'Partners', 'Actions', 'Self-assessment']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await shot(`collaboration-${tab.toLowerCase()}`);
    }
    await page.getByRole('button', { name: language === 'nl' ? 'Bekijk ronde 1' : 'View round 1' }).click();
    await shot('assessment-results');
    await page.getByRole('tab', { name: 'Partners' }).click();
    await page
      .getByRole('button', { name: language === 'nl' ? 'Maak uitnodigingslink' : 'Create invitation link' })
      .click();
    const partnerLink = await page.getByTestId('copy-value').inputValue();
    await signIn(page, 'ingrid@assemblage-oost.demo');
    await page.goto(partnerLink.replace(/^https?:\/\/[^/]+/, base));
    await shot('partner-invitation');
    await signIn(page, 'marco@vanderlindenbouw.demo');
    await page.goto(collaborationUrl);
    await shot('collaboration-waiting');
    await signIn(page, 'sanne@werkpoort.demo');
    await page.goto(`${base}/organisation`);
    await page.getByRole('button', { name: language === 'nl' ? 'Profiel bewerken' : 'Edit profile' }).click();
    await shot('organisation-edit');
    await page.goto(`${base}/organisation/members`);
    await page
      .getByRole('button', { name: language === 'nl' ? 'Maak uitnodigingslink' : 'Create invitation link' })
      .click();
    invitationLink = await page.getByTestId('copy-value').inputValue();
    await shot('members');
    await context.clearCookies();
    await page.goto(invitationLink.replace(/^https?:\/\/[^/]+/, base));
    await shot('invitation');
    await signIn(page, 'beheer@impactwheel.demo');
    await page.goto(`${base}/admin`);
    await shot('admin');
    await signIn(page, 'begeleider@impactwheel.demo');
    await page.goto(`${base}/programmes`);
    await shot('programmes');
    await page.getByRole('link', { name: 'Impact door samenwerking 2021–2023' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('programme');
    await context.close();
  }
}
await browser.close();
console.log(`Screenshots written to ${out}/`);
