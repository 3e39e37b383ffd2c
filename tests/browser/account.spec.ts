import { expect, test } from '@playwright/test';
import { expectAccessible, ImpactWheel, PASSWORD } from './pages/app.ts';

// Issue 9, points 9 and 13: token expiry and last use, revoking tokens with a password change, and the
// person's own data download, on the account page.
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

test('account page: a token with an expiry, my data as a zip, a password change that revokes tokens', async ({
  page,
}) => {
  const app = new ImpactWheel(page);
  await app.useDutch();
  await page.goto('/sign-up');
  await app.signUp('Rosa Rekening', `rosa-${unique()}@example.org`);
  await expect(page.getByRole('heading', { name: 'Welkom, Rosa Rekening' })).toBeVisible();
  await app.nav('Account').click();
  await expectAccessible(page, 'account');

  await page.getByLabel('Naam van de sleutel').fill('kwartaalrapport');
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE');
  await page.getByLabel('Geldig tot en met (niet verplicht)').fill(inAWeek);
  await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
  const secret = await page.getByTestId('copy-value').inputValue();
  const row = page.getByRole('listitem').filter({ hasText: 'kwartaalrapport' });
  await expect(row).toContainText('verloopt');
  await expect(row).toContainText('nog niet gebruikt');
  await expect(
    (await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } })).status(),
  ).toBe(200);
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'kwartaalrapport' })).toContainText(
    'laatst gebruikt',
  );
  await expectAccessible(page, 'account with an expiring token');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Mijn gegevens downloaden (zip)' }).focus();
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^impact-wheel-account-rosa-rekening-.*\.zip$/);

  await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
  await page.getByLabel('Nieuw wachtwoord').fill('een nieuw en lang wachtwoord');
  await page.getByLabel(/Trek ook al mijn API-sleutels in/).check();
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByText('je API-sleutels zijn ingetrokken')).toBeVisible();
  await expect(
    (await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } })).status(),
  ).toBe(401);
  await expect(page.getByText('Je hebt nog geen API-sleutels.')).toBeVisible();
  // All of it in the person's own security log, newest first.
  await page.reload();
  const log = page.getByRole('region', { name: 'Beveiligingslogboek' });
  await expect(log.getByText('Rosa Rekening heeft het wachtwoord gewijzigd')).toBeVisible();
  await expect(log.getByText('Rosa Rekening heeft een API-sleutel aangemaakt')).toBeVisible();
  await expectAccessible(page, 'account with its security log');
});

test('delete my account: the only admin is shown the way out, then the account goes', async ({ page }) => {
  const app = new ImpactWheel(page);
  await app.useDutch();
  const email = `weg-${unique()}@example.org`;
  await page.goto('/sign-up');
  await app.signUp('Wim Weg', email);
  await expect(page.getByRole('heading', { name: 'Welkom, Wim Weg' })).toBeVisible();
  await app.createOrganisation('Wim Werkt BV', 'Sociale onderneming gericht op werk (leerwerkbedrijf)');
  await app.nav('Account').click();

  const password = page.getByLabel('Je wachtwoord, ter bevestiging');
  await password.fill('niet mijn wachtwoord');
  await password.press('Enter');
  await expect(page.getByText('Je wachtwoord klopt niet.')).toBeVisible();
  await password.fill(PASSWORD);
  await password.press('Enter');
  await expect(page.getByText('Je bent de enige beheerder van de organisaties hieronder.')).toBeVisible();
  await expectAccessible(page, 'account deletion refused');
  await page.getByRole('button', { name: 'Naar de leden van Wim Werkt BV' }).click();
  await expect(page).toHaveURL(/\/organisation\/members$/);

  // The way out taken: the organisation is scheduled for deletion (here through the API).
  const csrf = (await (await page.request.get('/api/v1/me')).json()).csrfToken as string;
  expect(
    (await page.request.post('/api/v1/organisation/deletion', { headers: { 'x-csrf-token': csrf } })).ok(),
  ).toBe(true);
  await app.nav('Account').click();
  await page.getByLabel('Je wachtwoord, ter bevestiging').fill(PASSWORD);
  await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/sign-in');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).last().click();
  await expect(page.getByText('Dit e-mailadres en wachtwoord horen niet bij elkaar.')).toBeVisible();
});
