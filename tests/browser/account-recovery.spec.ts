import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { expectAccessible, ImpactWheel, PASSWORD } from './pages/app.ts';

// Issue 9, point 8: sign-up by a confirmation link, the same answer for an existing address, and a forgotten
// password replaced through a reset link. These need e-mail, so this file runs its own server whose mail goes
// to an outbox file (SMTP_URL=file://…), beside the shared one (which sends none).
const port = Number(process.env.E2E_MAIL_PORT ?? 3108);
const base = `http://localhost:${port}`;
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
let server: ChildProcess | undefined;
let dataDir = '';
let outbox = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'iw-e2e-mail-'));
  outbox = path.join(dataDir, 'outbox.jsonl');
  server = spawn('npx', ['tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SMTP_URL: `file://${outbox}`,
    },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server with an outbox did not start');
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dataDir, { recursive: true, force: true });
});

function mailsTo(email: string) {
  const mails = existsSync(outbox)
    ? readFileSync(outbox, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { to: string; subject: string; text: string })
    : [];
  return mails.filter((m) => m.to === email);
}

/** The newest link of this kind e-mailed to this address (mail goes out just after the answer: wait for it). */
async function linkFor(email: string, kind: 'sign-up/confirm' | 'password-reset'): Promise<string> {
  const pattern = new RegExp(`http://\\S+/${kind}/[\\w-]+`);
  let found: string | undefined;
  await expect
    .poll(() => (found = mailsTo(email).at(-1)?.text.match(pattern)?.[0]), {
      message: `a ${kind} link for ${email}`,
    })
    .toBeTruthy();
  return found!;
}

async function dutchPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: base });
  const app = new ImpactWheel(await context.newPage());
  // As ImpactWheel.useDutch does (called here, outside a test, the linter takes it for a React hook).
  await app.page.addInitScript(() => localStorage.setItem('impact-wheel.language', 'nl'));
  return { context, app, page: app.page };
}

test('sign-up by a link in the e-mail; an existing address gets the same answer and no session', async ({
  browser,
}) => {
  const email = `nina-${unique()}@example.org`;
  const { context, app, page } = await dutchPage(browser);
  await page.goto('/sign-up');
  await app.signUp('Nina Jansen', email);
  await expect(page.getByText(`Kijk in je mailbox van ${email}`)).toBeVisible();
  await expectAccessible(page, 'sign-up: check your e-mail');

  await page.goto(await linkFor(email, 'sign-up/confirm'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account afmaken');
  await expectAccessible(page, 'sign-up confirmation');
  await page.getByRole('button', { name: 'Account afmaken en inloggen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welkom, Nina Jansen' })).toBeVisible();
  await context.close();

  // Someone else tries the same address: the same words, nobody signed in, and the owner hears of it.
  const other = await dutchPage(browser);
  await other.page.goto('/sign-up');
  await other.app.signUp('Iemand Anders', email);
  await expect(other.page.getByText(`Kijk in je mailbox van ${email}`)).toBeVisible();
  await other.page.goto('/account');
  await expect(other.page).toHaveURL(/\/sign-in/);
  await expect
    .poll(() => mailsTo(email).at(-1)?.subject)
    .toBe('Je hebt al een Impact Wheel-account / You already have an Impact Wheel account');
  await other.context.close();
});

test('forgot your password: ask for a link, choose a new password, by keyboard; the link works once', async ({
  browser,
}) => {
  const email = `vergeten-${unique()}@example.org`;
  const { context, app, page } = await dutchPage(browser);
  await page.goto('/sign-up');
  await app.signUp('Vera Vergeet', email);
  await page.goto(await linkFor(email, 'sign-up/confirm'));
  await page.getByRole('button', { name: 'Account afmaken en inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom, Vera Vergeet' })).toBeVisible();

  const stranger = await dutchPage(browser);
  await stranger.page.goto('/sign-in');
  await stranger.page.getByRole('link', { name: 'Wachtwoord vergeten?' }).focus();
  await stranger.page.keyboard.press('Enter');
  await expect(stranger.page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten');
  await expectAccessible(stranger.page, 'password reset request');
  await stranger.page.getByLabel('E-mailadres').fill(email);
  await stranger.page.keyboard.press('Enter');
  await expect(stranger.page.getByText(`Als er een account met ${email} bestaat`)).toBeVisible();
  await expectAccessible(stranger.page, 'password reset requested');

  const link = await linkFor(email, 'password-reset');
  await stranger.page.goto(link);
  await expect(stranger.page.getByRole('heading', { level: 1 })).toHaveText('Kies een nieuw wachtwoord');
  await expectAccessible(stranger.page, 'choose a new password');
  await stranger.page.getByLabel('Nieuw wachtwoord').fill('een heel nieuw wachtwoord');
  await stranger.page.keyboard.press('Enter');
  await expect(
    stranger.page.getByText('Je wachtwoord is gewijzigd en je bent overal uitgelogd.'),
  ).toBeVisible();
  await expectAccessible(stranger.page, 'password changed');

  // The session that was open has ended; the old password no longer works, the new one does.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in/);
  await app.signIn(email, 'een heel nieuw wachtwoord');

  await stranger.page.goto(link);
  await stranger.page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
  await stranger.page.keyboard.press('Enter');
  await expect(stranger.page.getByText('Deze link is al gebruikt.')).toBeVisible();
  await expect(stranger.page.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toBeVisible();
  await context.close();
  await stranger.context.close();
});
