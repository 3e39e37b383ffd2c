// npm run budget (also a step of npm test): the JavaScript each page downloads before it shows, gzip, against
// its budget. Builds the web client first when stale, then follows Vite's manifest: the static imports of
// index.html, the strings of the default language and each page's lazily loaded chunk with its static imports.
// Exits 1 when a page is over budget or a page's module is missing from the manifest.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ensureWebBuild } from '../src/server/web-build.ts';
import { landingFile } from '../src/server/web-prerender.ts';
import { PAGES } from '../src/web/pages.ts';

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;
type Budget = { name: string; path: string; budgetKb?: number };

const PAGES_FILE = 'scripts/bundle-budget.ts';

/** Loaded before any page renders (src/web/i18n/index.ts): Dutch is the default language and the larger file. */
const STRINGS = '/i18n/nl.json';

// Pages by their pattern in src/web/pages.ts; budgets in KB (1024 bytes) of gzip. A first visit to "/" gets
// the static landing page (src/server/web-prerender.ts): its scripts are those its HTML names, not the app's.
const BUDGETS: Budget[] = [
  { name: 'landing', path: '/', budgetKb: 90 },
  { name: 'method', path: '/method' },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'dashboard', path: '/dashboard' },
  { name: 'collaboration (wheel)', path: '/collaborations/:id', budgetKb: 200 },
  { name: 'programme (cohort chart)', path: '/programmes/:id' },
  { name: 'admin', path: '/admin' },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');

/** A module's chunk and every chunk it imports statically: what the browser fetches before running it. */
function closure(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk)
    throw new Error(`${key} is not in the build manifest: was it renamed? Update src/web/pages.ts.`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
}
/** Bytes as sent: the build's .gz sibling, or the file itself when compressing did not make it smaller. */
function gzipBytes(file: string): number {
  const full = path.join(outDir, file);
  return existsSync(`${full}.gz`)
    ? statSync(`${full}.gz`).size
    : gzipSync(readFileSync(full), { level: 9 }).length;
}
function brotliBytes(file: string): number {
  const full = path.join(outDir, file);
  return existsSync(`${full}.br`)
    ? statSync(`${full}.br`).size
    : brotliCompressSync(readFileSync(full)).length;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

await ensureWebBuild(root, outDir, (message) => process.stdout.write(`${message}\n`));
const manifestFile = path.join(outDir, '.vite/manifest.json');
if (!existsSync(manifestFile))
  throw new Error(`${manifestFile} is missing: vite.config.ts must set build.manifest.`);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;

/** The scripts the static landing page runs: module scripts and module preloads (a prefetch waits for idle). */
function landingScripts(): string[] {
  const html = readFileSync(path.join(outDir, landingFile('nl')), 'utf8');
  return [
    ...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+)"/g),
  ].map((m) => m[1]!);
}

let over = 0;
const rows: string[] = [];
for (const page of BUDGETS) {
  const entry = PAGES.find((p) => p.path === page.path);
  if (!entry) throw new Error(`${page.path} is not a page in src/web/pages.ts: update ${PAGES_FILE}.`);
  const files = new Set<string>();
  if (page.path === '/') {
    for (const file of landingScripts()) files.add(file);
  } else {
    const strings = Object.keys(manifest).find((key) => key.endsWith(STRINGS)) ?? STRINGS;
    for (const key of ['index.html', strings, `src/web/routes/${entry.module}.tsx`])
      closure(manifest, key, files);
  }
  const scripts = [...files].filter((file) => file.endsWith('.js'));
  const gzip = scripts.reduce((sum, file) => sum + gzipBytes(file), 0);
  const brotli = scripts.reduce((sum, file) => sum + brotliBytes(file), 0);
  const budget = page.budgetKb === undefined ? undefined : page.budgetKb * 1024;
  const verdict = budget === undefined ? '' : gzip <= budget ? 'ok' : 'OVER BUDGET';
  if (budget !== undefined && gzip > budget) over += 1;
  rows.push(
    `| ${page.name} \`${page.path}\` | ${scripts.length} | ${kb(gzip)} | ${kb(brotli)} | ${page.budgetKb ?? '–'} | ${verdict} |`,
  );
}

process.stdout.write('\nJavaScript per page (KB; what the page loads before it shows)\n\n');
process.stdout.write(
  '| page | files | gzip | brotli | budget (gzip) | |\n| --- | ---: | ---: | ---: | ---: | --- |\n',
);
process.stdout.write(`${rows.join('\n')}\n\n`);
if (over > 0) {
  process.stderr.write(`${over} page(s) over their JavaScript budget (see ${PAGES_FILE}).\n`);
  process.exit(1);
}
