import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
  await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });
  writeFileSync(stamp, new Date().toISOString());
  log(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
