// npm test: every layer — unit, API on PGlite, API on a throwaway PostgreSQL server, browser in Chromium.
// What a layer needs is installed with apt-get when running as root, or named in a clear message.
// SKIP_POSTGRES=1 / SKIP_BROWSER=1 skip a layer on purpose; nothing is skipped silently.
import { requirePackages, run, startPostgres, step, which } from './lib/system.ts';

const started = Date.now();
const skipped: string[] = [];

step('Unit tests (Vitest)');
run('npx', ['vitest', 'run', '--project', 'unit']);

// The API tests read the PDF reports with poppler's pdftotext.
if (!which('pdftotext')) requirePackages(['poppler-utils'], 'The API tests of the PDF reports');
step('API tests on embedded PGlite');
run('npx', ['vitest', 'run', '--project', 'api'], { TEST_DATABASE_URL: '' });

if (process.env.SKIP_POSTGRES === '1') {
  skipped.push('API tests on PostgreSQL (SKIP_POSTGRES=1)');
} else {
  step('API tests on a throwaway PostgreSQL server');
  const server = await startPostgres();
  try {
    run('npx', ['vitest', 'run', '--project', 'api'], { TEST_DATABASE_URL: server.url });
  } finally {
    server.stop();
  }
}

// Builds the web client when stale (the browser layer then reuses it) and fails when a page's JavaScript is
// over its budget.
step('JavaScript budgets per page (gzip)');
run('npx', ['tsx', 'scripts/bundle-budget.ts']);

if (process.env.SKIP_BROWSER === '1') {
  skipped.push('browser tests (SKIP_BROWSER=1)');
} else {
  step('Browser tests (Playwright with Debian Chromium)');
  if (!which('chromium')) requirePackages(['chromium'], 'The browser tests', 'SKIP_BROWSER');
  run('npx', ['playwright', 'test']);
}

process.stdout.write(`\n✓ All test layers passed in ${Math.round((Date.now() - started) / 1000)} s.\n`);
if (skipped.length) process.stdout.write(`  Skipped on purpose: ${skipped.join('; ')}\n`);
