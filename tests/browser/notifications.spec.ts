import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/app.ts';
import { partnered, person } from './pages/people.ts';
import { literally, wordsIn } from './pages/words.ts';

// Issue 11, points 3 and 5: planning the next conversation on the agenda tab (with its calendar file), and the
// bell that tells a partner's member an action was given to them and leads them to it.
test('a partner plans the next conversation and takes it into their calendar', async ({ browser }) => {
  const w = wordsIn('nl');
  const a = await person(browser, 'Anna Ritme', 'Werkpoort Ritme', 'wise');
  const b = await person(browser, 'Bram Ritme', 'Bouw Ritme', 'regular-company');
  const id = await partnered(a, b, 'Ritme samen');
  const page = a.page;
  await page.goto(`/collaborations/${id}?tab=agenda`);
  const card = page.locator('section.next-conversation');
  await expect(card.getByText(w('rhythm.none'))).toBeVisible();
  await card.getByRole('button', { name: w('rhythm.plan') }).click();
  await card.getByLabel(w('rhythm.when')).fill('2030-06-12T14:30');
  await card.getByLabel(w('rhythm.place')).fill('Werkpoort, Hal 2');
  // A link that is not a web address is refused by the server and said in words beside the field.
  await card.getByLabel(w('rhythm.link')).fill('javascript:alert(1)');
  await card.getByLabel(w('rhythm.cadence')).selectOption({ label: w('rhythm.cadences.quarterly') });
  await card.getByRole('button', { name: w('rhythm.save') }).click();
  await expect(card.getByText(w('rhythm.linkInvalid'))).toBeVisible();
  await card.getByLabel(w('rhythm.link')).fill('https://meet.example.org/ritme');
  await card.getByRole('button', { name: w('rhythm.save') }).click();
  await expect(card.getByText(w('rhythm.saved'))).toBeVisible();
  await expect(card.getByText('Werkpoort, Hal 2')).toBeVisible();
  await expect(card.getByText(w('rhythm.cadences.quarterly'))).toBeVisible();
  await expectAccessible(page, 'the agenda tab with a planned conversation');

  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: w('rhythm.addToCalendar') }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const ics = Buffer.concat(chunks).toString('utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('SUMMARY:Gesprek Ritme samen');
  expect(ics).toContain('LOCATION:Werkpoort\\, Hal 2');

  // The partner sees the plan on their own screen.
  await b.page.goto(`/collaborations/${id}?tab=agenda`);
  await expect(b.page.locator('section.next-conversation').getByText('Werkpoort, Hal 2')).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('the bell counts what is new and leads to it; read, it counts down', async ({ browser }) => {
  const w = wordsIn('en');
  const a = await person(browser, 'Anna Bel', 'Werkpoort Bel', 'wise', { lang: 'en' });
  const b = await person(browser, 'Bram Bel', 'Bouw Bel', 'regular-company', { lang: 'en', width: 375 });
  const id = await partnered(a, b, 'Bel samen');
  expect(
    (
      await a.post(`/collaborations/${id}/actions`, {
        topicId: 'goals',
        text: 'Call the job coach',
        ownerUserId: b.userId,
        dueDate: '2030-01-10',
      })
    ).status(),
  ).toBe(201);
  const page = b.page;
  await page.goto('/dashboard');
  const bell = page.getByRole('link', { name: w('notifications.bellUnread', { count: 1 }) });
  await expect(bell).toBeVisible();
  // By keyboard: the bell is a link in the header like the others.
  await bell.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: w('notifications.title') })).toBeVisible();
  const sentence = w('notifications.kinds.action-assigned', {
    org: 'Werkpoort Bel',
    collaboration: 'Bel samen',
    action: 'Call the job coach',
  });
  await expectAccessible(page, 'the notifications page');
  await page.getByRole('link', { name: literally(sentence) }).click();
  await expect(page).toHaveURL(new RegExp(`/collaborations/${id}\\?tab=actions`));
  await expect(page.getByText('Call the job coach')).toBeVisible();
  await expect(page.getByRole('link', { name: w('notifications.bell'), exact: true })).toBeVisible();

  // Preferences on the account page, in the reader's language; without SMTP, in the app only.
  await page.goto('/account');
  const settings = page.locator('section', {
    has: page.getByRole('heading', { name: w('notifications.preferencesTitle') }),
  });
  await expect(settings.getByText(w('notifications.noEmail'))).toBeVisible();
  await settings
    .getByRole('radio', {
      name: `${w('notifications.kindNames.partner-submitted')}: ${w('notifications.channel.off')}`,
    })
    .check();
  await settings.getByRole('button', { name: w('notifications.save') }).click();
  await expect(settings.getByText(w('notifications.saved'))).toBeVisible();
  await expectAccessible(page, 'the account page with notification settings');
  await a.context.close();
  await b.context.close();
});

test('an invitation sent to a partner’s address waits on their dashboard and is accepted there', async ({
  browser,
}) => {
  const w = wordsIn('nl');
  const a = await person(browser, 'Anna Adres', 'Werkpoort Adres', 'wise');
  const b = await person(browser, 'Bram Adres', 'Bouw Adres', 'regular-company', { width: 375 });
  const created = await a.post('/collaborations', { name: 'Op adres samen', ambition: 'integration' });
  const id = ((await created.json()) as { collaboration: { id: string } }).collaboration.id;
  const email = ((await (await b.context.request.get('/api/v1/me')).json()) as { user: { email: string } })
    .user.email;

  await a.page.goto(`/collaborations/${id}?tab=partners`);
  const field = a.page.getByLabel(w('notifications.invite.emailLabel'));
  await field.fill('geen adres');
  await a.page.getByRole('button', { name: w('members.inviteSubmit') }).click();
  await expect(a.page.getByText(w('errors.field.email'))).toBeVisible();
  await field.fill(email);
  await a.page.getByRole('button', { name: w('members.inviteSubmit') }).click();
  await expect(a.page.getByText(w('notifications.invite.sentTo', { email }))).toBeVisible();
  await expectAccessible(a.page, 'the partners tab after inviting by address');

  await b.page.goto('/dashboard');
  const section = b.page.locator('section', {
    has: b.page.getByRole('heading', { name: w('notifications.received.title') }),
  });
  await expect(section.getByText(literally('Werkpoort Adres'))).toBeVisible();
  await expect(b.page.getByRole('link', { name: w('notifications.bellUnread', { count: 1 }) })).toBeVisible();
  await expectAccessible(b.page, 'the dashboard with an invitation for you');
  await section
    .getByRole('button', { name: `${w('notifications.received.accept')}: Op adres samen` })
    .click();
  await expect(b.page).toHaveURL(new RegExp(`/collaborations/${id}`));
  await expect(b.page.getByRole('heading', { level: 1, name: 'Op adres samen' })).toBeVisible();
  await a.context.close();
  await b.context.close();
});
