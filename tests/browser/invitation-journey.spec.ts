import { expect, test } from '@playwright/test';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

// Issue 10, point 5: whatever path a newcomer takes from a partner invitation (the header's sign-up button,
// creating an organisation), they come back to the invitation before accepting it.
test('a newcomer keeps a partner invitation through sign-up from the header and creating an organisation', async ({
  browser,
  page,
}) => {
  const inviter = await browser.newContext();
  const signedIn = await inviter.request.post('/api/v1/auth/sign-in', {
    data: { email: 'sanne@werkpoort.demo', password: 'impactwheel-demo' },
  });
  const csrf = ((await signedIn.json()) as { csrfToken: string }).csrfToken;
  const cards = (await (await inviter.request.get('/api/v1/collaborations')).json()) as {
    collaborations: { id: string; name: string }[];
  };
  const collaboration = cards.collaborations[0]!;
  const invitation = await inviter.request.post(`/api/v1/collaborations/${collaboration.id}/invitations`, {
    headers: { 'x-csrf-token': csrf },
  });
  const path = new URL(((await invitation.json()) as { link: string }).link).pathname;
  await inviter.close();

  const app = new ImpactWheel(page);
  await app.useDutch();
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  // The header's button, not the one on the sign-in page that carries the invitation along.
  await page.getByRole('banner').getByRole('link', { name: 'Account aanmaken' }).click();
  await app.signUp('Nieuwe Partner', `partner-${Date.now()}@example.org`);
  await expect(page).toHaveURL(path);
  await expect(
    page.getByText(`nodigt jullie uit voor de samenwerking “${collaboration.name}”`),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Organisatie aanmaken' }).click();
  await page.getByLabel('Naam').fill('Partner Proef BV');
  await page.getByLabel('Soort organisatie').selectOption({ label: 'Regulier bedrijf' });
  await page.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(page).toHaveURL(path);
  await expect(page.getByRole('button', { name: 'Meedoen' })).toBeVisible();
  await expectAccessible(page, 'partner invitation after creating an organisation');
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(page).toHaveURL(new RegExp(`/collaborations/${collaboration.id}$`));
});
