// npm run bench:pages: Lighthouse (mobile profile: simulated slow 4G and a 4× slower CPU) on five pages of the
// real app with the demo data, on a throwaway PGlite folder, driving Debian's Chromium. Signed-in pages get the
// demo account's session cookie as an extra header. Each page is measured BENCH_RUNS times (default 5); the
// table shows the run with the median performance score. Exits 1 when a page misses a target.
// BENCH_ONLY=landing,dashboard measures some pages; BENCH_REPORTS=DIR keeps each run's Lighthouse JSON there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from 'chrome-launcher';
import type { FastifyInstance } from 'fastify';
import lighthouse from 'lighthouse';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../src/server/db/seed.ts';
import { createLogger } from '../src/server/logger.ts';
import { ensureWebBuild } from '../src/server/web-build.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { performance: 95, accessibility: 100, lcpMs: 2000 };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (message: string) => process.stderr.write(`${message}\n`);

async function sessionCookie(app: FastifyInstance, email: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'iw_session');
  if (response.statusCode !== 200 || !cookie) throw new Error(`sign-in as ${email}: ${response.statusCode}`);
  return `iw_session=${cookie.value}`;
}

async function firstId(app: FastifyInstance, cookie: string, url: string, list: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  const items = (response.json() as Record<string, { id: string }[]>)[list];
  if (!items?.[0]) throw new Error(`${url} gave no ${list}`);
  return items[0].id;
}

type Result = {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  bytes: number;
  failing: string[];
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'iw-bench-pages-'));
const webRoot = path.join(root, 'dist/web');
await ensureWebBuild(root, webRoot, say);
const database = await openDatabase({ kind: 'pglite', dataDir });
await seedDemoIfEmpty(database.db);
const { app } = await buildApp({
  database,
  logger: createLogger('error'),
  sessionSecret: 'bench',
  publicUrl: 'http://localhost',
  webRoot,
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const member = await sessionCookie(app, 'sanne@werkpoort.demo');
const facilitator = await sessionCookie(app, 'begeleider@impactwheel.demo');
const collaboration = await firstId(app, member, '/api/v1/collaborations', 'collaborations');
const programme = await firstId(app, facilitator, '/api/v1/programmes', 'programmes');

const pages: { name: string; path: string; cookie?: string }[] = [
  { name: 'landing', path: '/' },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'dashboard', path: '/dashboard', cookie: member },
  { name: 'collaboration (wheel)', path: `/collaborations/${collaboration}`, cookie: member },
  { name: 'programme (cohort chart)', path: `/programmes/${programme}`, cookie: facilitator },
];

const chrome = await launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const only = process.env.BENCH_ONLY?.split(',');
const reports = process.env.BENCH_REPORTS;
if (reports) mkdirSync(reports, { recursive: true });
const rows: { name: string; path: string; result: Result }[] = [];
let version = '';
try {
  for (const page of pages.filter((p) => !only || only.includes(p.name.split(' ')[0]!))) {
    const runs: Result[] = [];
    for (let run = 0, retries = 0; run < RUNS; run++) {
      const outcome = await lighthouse(`${base}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        ...(page.cookie ? { extraHeaders: { cookie: page.cookie } } : {}),
      });
      if (!outcome) throw new Error(`Lighthouse gave no result for ${page.path}`);
      const { lhr } = outcome;
      version = lhr.lighthouseVersion;
      if (lhr.runtimeError) {
        // Trace recording now and then fails on a busy machine (NO_NAVSTART); Lighthouse says to run again.
        if (++retries > 3) throw new Error(`${page.path}: ${lhr.runtimeError.message}`);
        say(`${page.name}: ${lhr.runtimeError.code}, running again`);
        run -= 1;
        continue;
      }
      if (reports)
        writeFileSync(path.join(reports, `${page.name.split(' ')[0]}-${run + 1}.json`), JSON.stringify(lhr));
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const accessibility = lhr.categories.accessibility;
      runs.push({
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((accessibility?.score ?? 0) * 100),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        bytes: audit('total-byte-weight'),
        failing: (accessibility?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
          .map((ref) => ref.id),
      });
      say(
        `${page.name}: performance ${runs.at(-1)!.performance}, accessibility ${runs.at(-1)!.accessibility}`,
      );
    }
    runs.sort((a, b) => a.performance - b.performance);
    rows.push({ ...page, result: runs[Math.floor(runs.length / 2)]! });
  }
} finally {
  chrome.kill();
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `\nLighthouse ${version}, mobile profile (simulated), median of ${RUNS} run(s) per page, Node ${process.version}\n`,
);
console.log('| page | performance | accessibility | FCP s | LCP s | TBT ms | transfer KB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
let missed = 0;
for (const { name, path: url, result: r } of rows) {
  console.log(
    `| ${name} \`${url.replace(/[0-9a-f-]{36}/, ':id')}\` | ${r.performance} | ${r.accessibility} | ${seconds(r.fcp)} | ${seconds(r.lcp)} | ${Math.round(r.tbt)} | ${(r.bytes / 1024).toFixed(0)} |`,
  );
  if (r.performance < TARGETS.performance || r.accessibility < TARGETS.accessibility || r.lcp > TARGETS.lcpMs)
    missed += 1;
  if (r.failing.length) say(`  ${name}: failing accessibility audits: ${r.failing.join(', ')}`);
}
if (missed) {
  say(
    `\n${missed} page(s) miss a target (performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, LCP ≤ ${seconds(TARGETS.lcpMs)} s).`,
  );
  process.exit(1);
}
process.exit(0);
