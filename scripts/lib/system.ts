// Helpers for the scripts that need system packages or a throwaway PostgreSQL server (tests, benchmarks).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const isRoot = process.getuid?.() === 0;
let aptUpdated = false;

export function step(title: string): void {
  process.stdout.write(`\n━━ ${title}\n`);
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(
      `\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).\n`,
    );
    process.exit(result.status ?? 1);
  }
}

export function which(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Installs Debian packages when we are root; otherwise stops and says what to install. */
export function requirePackages(packages: string[], why: string, skipVariable?: string): void {
  if (!isRoot) {
    process.stderr.write(
      `\n✗ ${why} needs the Debian package(s) ${packages.join(', ')}, which are not installed.\n` +
        `  Install them:  sudo apt-get install -y ${packages.join(' ')}\n` +
        (skipVariable ? `  or skip this layer on purpose with ${skipVariable}=1.\n` : ''),
    );
    process.exit(1);
  }
  step(`Installing ${packages.join(', ')} with apt-get (${why})`);
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

function postgresBinDir(): string | null {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(path.join(fromConfig.stdout.trim(), 'initdb')))
    return fromConfig.stdout.trim();
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a throwaway PostgreSQL server in a temporary folder; returns its URL and a stop function. */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  let bin = postgresBinDir();
  if (!bin) {
    requirePackages(['postgresql'], 'The API tests on PostgreSQL', 'SKIP_POSTGRES');
    bin = postgresBinDir();
    if (!bin) throw new Error('postgresql installed, but initdb was not found');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'iw-postgres-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root: as root, run it as Debian's postgres user.
  const asUser = (command: string) =>
    isRoot
      ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' })
      : execFileSync('sh', ['-c', command], { stdio: 'pipe' });
  if (isRoot) {
    chmodSync(dir, 0o700);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const data = path.join(dir, 'data');
  asUser(`${bin}/initdb -D ${data} -A trust -U app --no-sync -E UTF8 --locale=C.UTF-8`);
  asUser(
    `${bin}/pg_ctl -D ${data} -l ${dir}/server.log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start`,
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asUser(`${bin}/pg_ctl -D ${data} -m immediate -w stop`);
    } catch {
      // Already gone; the folder is removed below either way.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { url: `postgres://app@127.0.0.1:${port}/postgres`, stop };
}
