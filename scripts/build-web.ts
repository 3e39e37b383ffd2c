// npm run build: the web client and its static landing page into dist/web, whether or not they look stale.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../src/server/web-build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');
rmSync(path.join(outDir, '.build-stamp'), { force: true });
await ensureWebBuild(root, outDir, (message) => process.stdout.write(`${message}\n`));
