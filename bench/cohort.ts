// npm run bench:cohort: the cohort chart's figures for a programme of 2,000 organisations with 20,000 submitted
// self-assessments (12 answers each), computed in SQL, on PostgreSQL (and PGlite with BENCH_ENGINES=pglite).
// Data is generated with generate_series; 200 sequential requests per filter; prints p50 and p95.
import { sql } from 'drizzle-orm';
import { assessment } from '../src/domain/instrument/assessment.ts';
import { type DatabaseOptions, openDatabase } from '../src/server/db/client.ts';
import { platformRoles } from '../src/server/db/schema/index.ts';
import { benchSession, listeningApp, onEngines } from './engines.ts';

const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 2000);
const PER_ORGANISATION = Number(process.env.BENCH_ASSESSMENTS_PER_ORGANISATION ?? 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const rows: string[] = [];
const publications: string[] = [];

async function benchEngine(engine: string, options: DatabaseOptions) {
  const database = await openDatabase(options);
  const db = database.db;
  const { app, url } = await listeningApp(database);
  const { userId } = await benchSession(app, 'f@example.org');
  await db.insert(platformRoles).values({ userId, role: 'facilitator' });
  // A new session, so the role is in its context.
  const { cookie: facilitatorCookie, csrf } = await benchSession(app, 'f@example.org', true);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/programmes',
    payload: { name: 'Landelijk cohort' },
    headers: { cookie: facilitatorCookie, 'x-csrf-token': csrf },
  });
  const programmeId = (created.json() as { id: string }).id;

  const start = Date.now();
  const items = assessment.items.map((i) => i.id);
  await db.execute(sql`
    create temporary table bench_orgs as
      select gen_random_uuid() as id, g as n from generate_series(1, ${ORGANISATIONS}) g`);
  await db.execute(sql`
    insert into organisations (id, name, type)
      select id, 'Organisatie ' || n, (array['wise','regular-company','municipality','training-centre'])[1 + n % 4] from bench_orgs`);
  await db.execute(sql`
    insert into collaborations (id, name, ambition, created_by_organisation_id)
      select id, 'Samenwerking ' || n, 'transaction', id from bench_orgs`);
  await db.execute(sql`
    insert into collaboration_participants (collaboration_id, organisation_id) select id, id from bench_orgs`);
  await db.execute(sql`
    insert into rounds (id, collaboration_id, number, revealed_at, assessment_revealed_at)
      select gen_random_uuid(), o.id, r, now(), now() - make_interval(years => ${PER_ORGANISATION} - r)
        from bench_orgs o, generate_series(1, ${PER_ORGANISATION}) r`);
  await db.execute(sql`
    insert into round_participation (round_id, organisation_id, assessment_submitted_at)
      select r.id, r.collaboration_id, now() from rounds r join bench_orgs o on o.id = r.collaboration_id`);
  await db.execute(sql`
    insert into assessment_answers (round_id, organisation_id, item_id, value)
      select r.id, r.collaboration_id, i.item, 1 + ((o.n * 7 + r.number * 3 + i.k) % 5)
        from rounds r join bench_orgs o on o.id = r.collaboration_id,
             unnest(${sql.raw(`array[${items.map((i) => `'${i}'`).join(',')}]`)}::text[]) with ordinality as i(item, k)`);
  await db.execute(sql`
    update round_participation rp set assessment_values = array(
      select a.value from unnest(${sql.raw(`array[${items.map((i) => `'${i}'`).join(',')}]`)}::text[]) with ordinality as i(id, k)
        left join assessment_answers a on a.item_id = i.id and a.round_id = rp.round_id and a.organisation_id = rp.organisation_id
       order by i.k)`);
  await db.execute(sql`
    insert into programme_members (programme_id, organisation_id, consent_at)
      select ${programmeId}::uuid, id, case when n % 10 = 0 then null else now() end from bench_orgs`);
  await db.execute(sql`analyze`);
  const seedSeconds = (Date.now() - start) / 1000;
  process.stderr.write(`${engine}: generated in ${seedSeconds.toFixed(1)} s\n`);

  // Figures come from published snapshots (decision 0010): time the first publication, and a second one
  // after 200 organisations withdrew their consent (checked against the first).
  const publish = async () => {
    const t0 = performance.now();
    const response = await fetch(`${url}/api/v1/programmes/${programmeId}/cohort/publications`, {
      method: 'POST',
      headers: { cookie: facilitatorCookie, 'x-csrf-token': csrf },
    });
    if (response.status !== 201) throw new Error(`publish: ${response.status} ${await response.text()}`);
    return performance.now() - t0;
  };
  publications.push(
    `| ${engine} | first (${ORGANISATIONS * 0.9 * PER_ORGANISATION} respondents) | ${(await publish()).toFixed(0)} |`,
  );
  await db.execute(sql`
    update programme_members set consent_at = null
     where programme_id = ${programmeId}::uuid and organisation_id in (select id from bench_orgs where n % 10 = 1)`);
  publications.push(`| ${engine} | second, after 10% withdrew | ${(await publish()).toFixed(0)} |`);

  for (const [label, query] of [
    ['no filter', ''],
    ['type = wise', '?type=wise'],
    ['period = this year', `?period=${new Date().getUTCFullYear()}`],
  ] as const) {
    for (let i = 0; i < 5; i++)
      await fetch(`${url}/api/v1/programmes/${programmeId}/cohort${query}`, {
        headers: { cookie: facilitatorCookie },
      });
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const response = await fetch(`${url}/api/v1/programmes/${programmeId}/cohort${query}`, {
        headers: { cookie: facilitatorCookie },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`status ${response.status}`);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push(
      `| ${engine} | ${label} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`,
    );
    process.stderr.write(`${engine} ${label}: p95 ${percentile(times, 95).toFixed(1)} ms\n`);
  }
  await app.close();
  await database.close();
}

await onEngines('postgres', benchEngine);

console.log(
  `\n${ORGANISATIONS} organisations (90% consenting) × ${PER_ORGANISATION} submitted assessments × 12 answers; ${REQUESTS} sequential requests per filter\n`,
);
console.log('| engine | filter | p50 ms | p95 ms |');
console.log('| --- | --- | ---: | ---: |');
for (const row of rows) console.log(row);
console.log('\n| engine | publication | ms |');
console.log('| --- | --- | ---: |');
for (const row of publications) console.log(row);
process.exit(0);
