import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startPostgres } from '../scripts/lib/system.ts';
import { buildApp } from '../src/server/app.ts';
import type { Database, DatabaseOptions } from '../src/server/db/client.ts';
import { createLogger } from '../src/server/logger.ts';

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

const PASSWORD = 'bench password long enough';

/** The real app on a free loopback port, logging only errors. */
export async function listeningApp(database: Database) {
  const { app } = await buildApp({
    database,
    logger: createLogger('error'),
    sessionSecret: 'bench',
    publicUrl: 'http://localhost',
  });
  return { app, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

type Session = { cookie: string; csrf: string; userId: string };

/** Signs up (or, for an existing account, signs in) and returns the cookie and CSRF token a browser would hold. */
export async function benchSession(app: FastifyInstance, email: string, existing = false): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: existing ? '/api/v1/auth/sign-in' : '/api/v1/auth/sign-up',
    payload: existing ? { email, password: PASSWORD } : { name: 'Bench', email, password: PASSWORD },
  });
  const body = response.json() as { user: { id: string }; csrfToken: string };
  const value = response.cookies.find((c) => c.name === 'iw_session')!.value;
  return { cookie: `iw_session=${value}`, csrf: body.csrfToken, userId: body.user.id };
}
