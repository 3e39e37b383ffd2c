import { expect, test } from '@playwright/test';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

test('the landing page explains the product in Dutch, and English is one click away and remembered', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samen meer mensen aan het werk');
  await expect(page.getByRole('link', { name: 'Begin een samenwerking' })).toBeVisible();
  await expectAccessible(page, 'landing (nl)');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Getting more people into work, together');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Getting more people into work, together');
  await expectAccessible(page, 'landing (en)');
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samen meer mensen aan het werk');
});

test('sign up, create an organisation, edit its profile, invite a colleague who accepts', async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = new ImpactWheel(await adminContext.newPage());
  await admin.useDutch();
  const page = admin.page;

  await page.goto('/');
  await page.getByRole('link', { name: 'Begin een samenwerking' }).click();
  await expectAccessible(page, 'sign-up');
  // Bad input is explained next to the field.
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page.getByText('Vul dit in.')).toBeVisible();
  await expectAccessible(page, 'sign-up with errors');
  await admin.signUp('Sanne de Vries', `sanne-${unique()}@example.org`);

  await expect(page.getByRole('heading', { name: 'Je hoort nog bij geen organisatie' })).toBeVisible();
  await expectAccessible(page, 'empty dashboard');
  await admin.createOrganisation(
    'Werkpoort Logistiek Test',
    'Sociale onderneming gericht op werk (leerwerkbedrijf)',
  );
  await expectAccessible(page, 'organisation profile');

  await page.getByRole('button', { name: 'Profiel wijzigen' }).click();
  await page.getByLabel('Impact voorop (impact first)').check();
  await page.getByLabel('Aantal medewerkers').selectOption({ label: '50 tot 100' });
  await page.getByLabel('Opgericht in').fill('2000');
  await page.getByLabel('Plaats').fill('Tilburg');
  await page.getByLabel('Website').fill('geen-website');
  await page.getByLabel('Korte beschrijving').fill('<img src=x onerror="window.__xss=1"> Wij leiden op.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Begin met https:// of http://.')).toBeVisible();
  await expectAccessible(page, 'profile form with an error');
  await page.getByLabel('Website').fill('https://werkpoort.example');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
  await expect(page.getByText('Tilburg')).toBeVisible();
  await expect(page.getByText('<img src=x onerror="window.__xss=1"> Wij leiden op.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await admin.nav('Leden').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leden van Werkpoort Logistiek Test');
  await page.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
  const link = await page.getByTestId('copy-value').inputValue();
  expect(link).toMatch(/\/invitations\/[\w-]+$/);
  await expectAccessible(page, 'members with invitation');

  // The colleague, in a browser of their own.
  const colleagueContext = await browser.newContext();
  const colleague = new ImpactWheel(await colleagueContext.newPage());
  await colleague.useDutch();
  await colleague.page.goto(link);
  await expect(
    colleague.page.getByText('Je bent uitgenodigd om als lid mee te doen met Werkpoort Logistiek Test.'),
  ).toBeVisible();
  await expectAccessible(colleague.page, 'invitation (signed out)');
  await colleague.page.getByRole('link', { name: 'Account aanmaken' }).last().click();
  await colleague.signUp('Mehmet Yilmaz', `mehmet-${unique()}@example.org`);
  await expect(colleague.page).toHaveURL(/\/invitations\//);
  await colleague.page.getByRole('button', { name: 'Uitnodiging accepteren' }).click();
  await expect(colleague.page.getByRole('heading', { level: 1 })).toHaveText(
    'Profiel van Werkpoort Logistiek Test',
  );
  await colleague.nav('Leden').click();
  await expect(colleague.page.getByRole('cell', { name: 'Sanne de Vries' })).toBeVisible();
  await expect(colleague.page.getByText('Alleen beheerders kunnen collega')).toBeVisible();
  await expectAccessible(colleague.page, 'members as member');

  await page.reload();
  await expect(page.getByRole('cell', { name: 'Mehmet Yilmaz', exact: true })).toBeVisible();
  await expect(page.getByText('geaccepteerd')).toBeVisible();
  await adminContext.close();
  await colleagueContext.close();
});

test('account page: change password and manage API tokens, by keyboard', async ({ page }) => {
  const app = new ImpactWheel(page);
  await app.useDutch();
  await page.goto('/sign-up');
  await app.signUp('Toetsenbord Gebruiker', `keys-${unique()}@example.org`);
  await expect(page.getByRole('heading', { name: 'Welkom, Toetsenbord Gebruiker' })).toBeVisible();
  await app.nav('Account').click();
  await expectAccessible(page, 'account');
  await page.getByLabel('Naam van de sleutel').focus();
  await page.keyboard.type('rapportage');
  await page.keyboard.press('Enter');
  const secret = await page.getByTestId('copy-value').inputValue();
  expect(secret).toMatch(/^iwt_/);
  await expect(page.getByText('rapportage', { exact: true })).toBeVisible();
  const response = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(response.status()).toBe(200);
  await expectAccessible(page, 'account with token');

  await page.getByLabel('Huidig wachtwoord').fill('een lang genoeg wachtwoord');
  await page.getByLabel('Nieuw wachtwoord').fill('een nieuw en lang wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByText('Je wachtwoord is gewijzigd')).toBeVisible();
});

test('the demo sign-ins work, and the platform admin grants a role on the admin page', async ({ page }) => {
  const app = new ImpactWheel(page);
  await app.useDutch();
  await app.signIn('sanne@werkpoort.demo', 'impactwheel-demo');
  await expect(page.getByRole('heading', { name: 'Welkom, Sanne de Vries' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Werkpoort Logistiek' })).toBeVisible();
  await expectAccessible(page, 'dashboard');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samen meer mensen aan het werk');

  await app.signIn('beheer@impactwheel.demo', 'impactwheel-demo');
  await app.nav('Beheer').click();
  await page.getByLabel('Zoek op naam of e-mail').fill('Kees');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const facilitator = page.getByRole('checkbox', { name: 'Begeleider: Kees Smit' });
  await facilitator.focus();
  await page.keyboard.press('Space');
  await expect(facilitator).toBeChecked();
  await page.reload();
  await page.getByLabel('Zoek op naam of e-mail').fill('Kees');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('checkbox', { name: 'Begeleider: Kees Smit' })).toBeChecked();
  await expectAccessible(page, 'admin');
});
