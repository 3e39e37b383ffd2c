import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres } from '../scripts/lib/system.ts';
import type { DatabaseOptions } from '../src/server/db/client.ts';

/**
 * Runs a benchmark on each engine named in BENCH_ENGINES (default `fallback`): PGlite in a temporary folder on
 * disk, PostgreSQL on a throwaway server; both are removed afterwards.
 */
export async function onEngines(
  fallback: string,
  bench: (engine: string, options: DatabaseOptions) => Promise<void>,
  poolSize = 10,
): Promise<void> {
  const engines = (process.env.BENCH_ENGINES ?? fallback).split(',');
  if (engines.includes('pglite')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'iw-bench-'));
    try {
      await bench('PGlite', { kind: 'pglite', dataDir: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (engines.includes('postgres')) {
    const server = await startPostgres();
    try {
      await bench('PostgreSQL', { kind: 'postgres', url: server.url, poolSize });
    } finally {
      server.stop();
    }
  }
}
