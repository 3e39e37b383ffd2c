import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prerenderLanding } from './web-prerender.ts';

const SOURCES = [
  'src/web',
  'src/contracts',
  'src/domain',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the web client when its build is missing or older than its sources; returns whether it built. */
export async function ensureWebBuild(
  root: string,
  outDir: string,
  log: (message: string) => void,
): Promise<boolean> {
  const stamp = path.join(outDir, '.build-stamp');
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return false;
  log('Building the web client (first start, or its sources changed)…');
  const started = Date.now();
  const { build } = await import('vite');
  // Vite follows NODE_ENV, and a build started from a test run (NODE_ENV=test) would ship React's development
  // build, three times the size: the web client is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      logLevel: 'warn',
      configFile: path.join(root, 'vite.config.ts'),
      mode: 'production',
    });
    await prerenderLanding(root, outDir);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stamp, new Date().toISOString());
  log(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
