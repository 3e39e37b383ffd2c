// npm run bench: HTTP throughput on PGlite and on PostgreSQL, loopback only, bounded in time.
//   (a) a bare Fastify handler returning a constant: the ceiling of this machine
//   (b) one primary-key select through the same database client: the engine's floor
//   (c) GET /api/v1/health
//   (d) an authenticated GET /api/v1/organisation (session lookup + profile)
// BENCH_SECONDS (default 10) per scenario, BENCH_CONNECTIONS (default 50). Prints a Markdown table.
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { type Database, type DatabaseOptions, openDatabase } from '../src/server/db/client.ts';
import { organisations } from '../src/server/db/schema/index.ts';
import { benchSession, listeningApp, onEngines } from './engines.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

type Result = { engine: string; scenario: string; rps: number; p99: number; errors: number };
const results: Result[] = [];

async function load(url: string, headers: Record<string, string> = {}) {
  // A short warm-up so JIT and connection pools are in their steady state.
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function listen(app: { listen: (o: { port: number; host: string }) => Promise<string> }) {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

async function benchEngine(engine: string, options: DatabaseOptions) {
  const database: Database = await openDatabase(options);

  const bare = Fastify();
  bare.get('/', async () => ({ ok: true }));
  const bareUrl = await listen(bare);

  const [org] = await database.db
    .insert(organisations)
    .values({ name: 'Bench BV', type: 'regular-company' })
    .returning();
  const floor = Fastify();
  floor.get('/', async () => {
    const [row] = await database.db.select().from(organisations).where(eq(organisations.id, org!.id));
    return row;
  });
  const floorUrl = await listen(floor);

  const { app, url: appUrl } = await listeningApp(database);
  const { cookie, csrf } = await benchSession(app, 'bench@example.org');
  await app.inject({
    method: 'POST',
    url: '/api/v1/organisations',
    payload: { name: 'Bench Org', type: 'wise' },
    headers: { cookie, 'x-csrf-token': csrf },
  });

  const scenarios: [string, string, Record<string, string>?][] = [
    ['(a) bare handler', bareUrl],
    ['(b) one primary-key select', floorUrl],
    ['(c) GET /api/v1/health', `${appUrl}/api/v1/health`],
    ['(d) GET /api/v1/organisation, signed in', `${appUrl}/api/v1/organisation`, { cookie }],
  ];
  for (const [scenario, url, headers] of scenarios) {
    const r = await load(url, headers);
    results.push({ engine, scenario, ...r });
    process.stderr.write(
      `${engine} ${scenario}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, errors ${r.errors}\n`,
    );
  }
  // Let autocannon's last requests finish before the pool closes under them.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await Promise.all([bare.close(), floor.close(), app.close()]);
  await database.close();
}

const byEngine = (engine: string, prefix: string) =>
  results.find((r) => r.engine === engine && r.scenario.startsWith(prefix));
await onEngines('pglite,postgres', benchEngine, 20);

console.log(`\n${connections} connections, ${seconds} s per scenario, Node ${process.version}\n`);
console.log('| engine | scenario | requests/s | p99 ms | errors |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of results)
  console.log(`| ${r.engine} | ${r.scenario} | ${Math.round(r.rps)} | ${r.p99} | ${r.errors} |`);
for (const engine of new Set(results.map((r) => r.engine))) {
  const b = byEngine(engine, '(b)');
  const d = byEngine(engine, '(d)');
  const a = byEngine(engine, '(a)');
  if (b && d && a) {
    console.log(
      `\n${engine}: (d) is ${Math.round((100 * d.rps) / b.rps)}% of (b); (b) is ${Math.round((100 * b.rps) / a.rps)}% of (a).`,
    );
  }
}
process.exit(0);
