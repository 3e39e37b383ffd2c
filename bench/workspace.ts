// npm run bench:workspace: opening a collaboration's wheel page (GET /api/v1/collaborations/:id, all data for
// the page) on an installation of 200 collaborations with 3 rounds each, on PGlite and PostgreSQL.
// One client, requests in sequence over loopback HTTP across random collaborations; prints p50, p95, p99.
// Node's fetch asks for compressed answers, as a browser does; BENCH_ENCODING=identity
// measures without compression.
import { wheel } from '../src/domain/instrument/wheel.ts';
import { type DatabaseOptions, openDatabase } from '../src/server/db/client.ts';
import {
  actions,
  agreements,
  collaborationParticipants,
  collaborations,
  organisations,
  ratings,
  roundParticipation,
  rounds,
} from '../src/server/db/schema/index.ts';
import { benchSession, listeningApp, onEngines } from './engines.ts';

const COLLABORATIONS = Number(process.env.BENCH_COLLABORATIONS ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);

type Row = { engine: string; p50: number; p95: number; p99: number; seedSeconds: number };
const results: Row[] = [];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function benchEngine(engine: string, options: DatabaseOptions) {
  const database = await openDatabase(options);
  const { app, url } = await listeningApp(database);
  const { cookie, csrf } = await benchSession(app, 'bench@example.org');
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/organisations',
    payload: { name: 'Bench WISE', type: 'wise' },
    headers: { cookie, 'x-csrf-token': csrf },
  });
  const ours = (created.json() as { id: string }).id;

  const seedStart = Date.now();
  const db = database.db;
  const partners = await db
    .insert(organisations)
    .values(
      Array.from({ length: COLLABORATIONS }, (_, i) => ({
        name: `Partner ${i}`,
        type: 'regular-company' as const,
      })),
    )
    .returning({ id: organisations.id });
  const ids: string[] = [];
  for (let i = 0; i < COLLABORATIONS; i++) {
    const [c] = await db
      .insert(collaborations)
      .values({ name: `Samenwerking ${i}`, ambition: 'integration', createdByOrganisationId: ours })
      .returning({ id: collaborations.id });
    ids.push(c!.id);
    const orgs = [ours, partners[i]!.id];
    await db
      .insert(collaborationParticipants)
      .values(orgs.map((organisationId) => ({ collaborationId: c!.id, organisationId })));
    for (let n = 1; n <= 3; n++) {
      const [r] = await db
        .insert(rounds)
        .values({
          collaborationId: c!.id,
          number: n,
          revealedAt: n < 3 ? new Date() : null,
          revealReason: n < 3 ? 'all-submitted' : null,
        })
        .returning({ id: rounds.id });
      await db
        .insert(roundParticipation)
        .values(orgs.map((organisationId) => ({ roundId: r!.id, organisationId, submittedAt: new Date() })));
      await db.insert(ratings).values(
        orgs.flatMap((organisationId, k) =>
          wheel.topics.map((t, j) => ({
            roundId: r!.id,
            organisationId,
            topicId: t.id,
            rating: ((i + j + k + n) % 4) + 1,
            answer: 'Een antwoord van een paar zinnen over hoe dit onderwerp er bij ons voor staat.',
          })),
        ),
      );
    }
    await db
      .insert(agreements)
      .values({ collaborationId: c!.id, topicId: 'goals', text: 'Afspraak', agreedOn: '2026-01-01' });
    await db.insert(actions).values([
      { collaborationId: c!.id, topicId: 'risk', text: 'Actie', dueDate: '2026-01-01' },
      { collaborationId: c!.id, topicId: 'trust', text: 'Actie', dueDate: '2027-01-01' },
    ]);
  }
  const seedSeconds = (Date.now() - seedStart) / 1000;

  const encoding = process.env.BENCH_ENCODING;
  const headers: Record<string, string> = { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) };
  // Warm-up, then measure.
  for (let i = 0; i < 30; i++)
    await fetch(`${url}/api/v1/collaborations/${ids[i % ids.length]}`, { headers });
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const id = ids[Math.floor(Math.random() * ids.length)];
    const start = performance.now();
    const response = await fetch(`${url}/api/v1/collaborations/${id}`, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`status ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const row = {
    engine,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    seedSeconds,
  };
  results.push(row);
  process.stderr.write(
    `${engine}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms\n`,
  );
  await app.close();
  await database.close();
}

await onEngines('pglite,postgres', benchEngine);

console.log(
  `\n${COLLABORATIONS} collaborations × 3 rounds × 2 partners × 21 topics; ${REQUESTS} sequential requests, Node ${process.version}\n`,
);
console.log('| engine | p50 ms | p95 ms | p99 ms |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of results)
  console.log(`| ${r.engine} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`);
process.exit(0);
