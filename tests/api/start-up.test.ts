import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';

// The real start-up command on an embedded database folder of its own (PGlite only: the guards below
// protect PGlite's folder; a PostgreSQL server has its own).
const embedded = !process.env.TEST_DATABASE_URL;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function start(
  dataDir: string,
  port: number,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), SKIP_WEB_BUILD: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(embedded)('npm start on the embedded database', () => {
  it('prints the URL and demo sign-ins, refuses a second start on the same folder, and closes cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'iw-start-'));
    dirs.push(dataDir);
    const first = start(dataDir, 3190);
    await waitFor(() => first.output().includes('Stop with Ctrl+C'));
    expect(first.output()).toContain('Impact Wheel is running at http://localhost:3190');
    expect(first.output()).toContain('sanne@werkpoort.demo');
    expect(first.output()).toContain('marco@vanderlindenbouw.demo');
    const health = await fetch('http://localhost:3190/api/v1/health');
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });

    const second = start(dataDir, 3191);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another Impact Wheel process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'impact-wheel.lock'))).toBe(false);

    // Reopens after the clean shutdown, without seeding twice.
    const third = start(dataDir, 3192);
    await waitFor(() => third.output().includes('Stop with Ctrl+C'));
    expect(third.output()).not.toContain('Demo data created');
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  });
});

describe('configuration', () => {
  it('never seeds demo data in production or with SEED_DEMO=false', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'iw-config-'));
    dirs.push(dataDir);
    expect(readConfig({ DATA_DIR: dataDir }).seedDemo).toBe(true);
    expect(readConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(readConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('generates a session secret once and keeps it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'iw-config-'));
    dirs.push(dataDir);
    const first = readConfig({ DATA_DIR: dataDir }).sessionSecret;
    expect(first.length).toBeGreaterThan(30);
    expect(readConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(first);
    expect(readConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'given' }).sessionSecret).toBe('given');
  });
});
