// npm run bench:live: the live-update channel (issue 11, point 7) on PostgreSQL. 1,000 clients follow 200
// collaborations by server-sent events (GET /api/v1/collaborations/:id/events), five per collaboration: three
// members of the organisation that started it and two of its partner, each signed in with a session of their own
// (seeded in the database, as sign-in would store it). The app runs as `npm start` runs it (src/server/main.ts)
// in a process of its own, so its memory is only the app's: VmRSS, and the V8 heap after a forced collection,
// with the streams warmed up and then with all 1,000 open and idle. Then rounds are revealed (the partner has
// submitted; one starter member submits too): BENCH_REVEALS (default 50) one at a time, and as many again ten at
// once. For every follower of a revealed collaboration we time the `revealed` event from the moment the submit
// was sent and from the moment its answer came back, and check that nobody else heard anything.
// Exits 1 when a follower missed the reveal (5 s), heard another collaboration, or p99 exceeds 200 ms.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startPostgres } from '../scripts/lib/system.ts';
import { type Db, openDatabase } from '../src/server/db/client.ts';
import {
  collaborationParticipants,
  collaborations,
  memberships,
  organisations,
  roundParticipation,
  rounds,
  sessions,
  users,
} from '../src/server/db/schema/index.ts';
import { keyedHash, newSecret } from '../src/server/http/secrets.ts';

const COLLABORATIONS = Number(process.env.BENCH_COLLABORATIONS ?? 200);
const FOLLOWERS = 5;
const STARTER_FOLLOWERS = 3;
const REVEALS = Number(process.env.BENCH_REVEALS ?? 50);
const AT_ONCE = 10;
const DEADLINE_MS = 5_000;
const TARGET_P99_MS = 200;
const SECRET = 'bench-live-session-secret';

type Session = { cookie: string; csrf: string };
type Collaboration = { index: number; id: string; followers: Session[] };
type Heard = { collaborationId: string; kind: string; at: number };
type Stream = { collaboration: Collaboration; heard: Heard[]; ended: boolean; close: () => void };
type Delivery = { fromSent: number; fromAnswer: number };
type Reveal = { requestMs: number; deliveries: (Delivery | null)[] };
type Memory = { label: string; rss: number; heapUsed: number; fds: number };

/** In the app's process: answers the benchmark's memory question over IPC, then runs the app as `npm start` does. */
async function serve(): Promise<void> {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    // Collected first, so the heap is what the connections hold rather than garbage not yet swept.
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.(process.memoryUsage());
  });
  await import('../src/server/main.ts');
}

/** 200 collaborations, each with a starter and a partner organisation, round 1 open and submitted by the partner. */
async function seed(db: Db): Promise<Collaboration[]> {
  const list = Array.from({ length: COLLABORATIONS }, (_, index) => ({
    index,
    id: randomUUID(),
    starter: randomUUID(),
    partner: randomUUID(),
    round: randomUUID(),
  }));
  await db.insert(organisations).values(
    list.flatMap((c) => [
      { id: c.starter, name: `Werkbedrijf ${c.index}`, type: 'wise' as const },
      { id: c.partner, name: `Partner ${c.index}`, type: 'regular-company' as const },
    ]),
  );
  await db.insert(collaborations).values(
    list.map((c) => ({
      id: c.id,
      name: `Samenwerking ${c.index}`,
      ambition: 'integration' as const,
      createdByOrganisationId: c.starter,
    })),
  );
  await db
    .insert(collaborationParticipants)
    .values(
      list.flatMap((c) =>
        [c.starter, c.partner].map((organisationId) => ({ collaborationId: c.id, organisationId })),
      ),
    );
  await db.insert(rounds).values(list.map((c) => ({ id: c.round, collaborationId: c.id, number: 1 })));
  // The partner has submitted, so the starter's submit is the one that reveals the round.
  await db.insert(roundParticipation).values(
    list.flatMap((c) => [
      { roundId: c.round, organisationId: c.partner, submittedAt: new Date() },
      { roundId: c.round, organisationId: c.starter },
    ]),
  );

  const people = list.flatMap((c) =>
    Array.from({ length: FOLLOWERS }, (_, k) => ({
      collaboration: c.index,
      userId: randomUUID(),
      organisationId: k < STARTER_FOLLOWERS ? c.starter : c.partner,
      cookieValue: newSecret(),
      csrf: newSecret(24),
    })),
  );
  await db.insert(users).values(
    people.map((p, n) => ({
      id: p.userId,
      email: `volger-${n}@live.bench`,
      name: `Volger ${n}`,
      passwordHash: 'never signs in',
    })),
  );
  await db
    .insert(memberships)
    .values(
      people.map((p) => ({ organisationId: p.organisationId, userId: p.userId, role: 'member' as const })),
    );
  // Stored as the app stores a sign-in: the keyed hash of the cookie under the app's SESSION_SECRET.
  await db.insert(sessions).values(
    people.map((p) => ({
      id: keyedHash(SECRET, p.cookieValue),
      userId: p.userId,
      csrfToken: p.csrf,
      activeOrganisationId: p.organisationId,
      expiresAt: new Date(Date.now() + 86_400_000),
    })),
  );
  return list.map((c) => ({
    index: c.index,
    id: c.id,
    followers: people
      .filter((p) => p.collaboration === c.index)
      .map((p) => ({ cookie: `iw_session=${p.cookieValue}`, csrf: p.csrf })),
  }));
}

/** The app in its own process (node, not the tsx launcher, so the pid we read is the app's); resolves when it listens. */
async function startApp(databaseUrl: string, port: number, dataDir: string): Promise<ChildProcess> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--serve'], {
    cwd: path.resolve(path.dirname(script), '..'),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SESSION_SECRET: SECRET,
      SEED_DEMO: 'false',
      SKIP_WEB_BUILD: '1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('is running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening:\n${output}`)));
  });
  return child;
}

async function serverMemory(child: ChildProcess, label: string): Promise<Memory> {
  const usage = await new Promise<NodeJS.MemoryUsage>((resolve) => {
    child.once('message', (message) => resolve(message as NodeJS.MemoryUsage));
    child.send('memory');
  });
  // Read after the collection the child just did, so RSS and heap describe the same moment.
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return {
    label,
    rss: rssKb * 1024,
    heapUsed: usage.heapUsed,
    fds: readdirSync(`/proc/${child.pid}/fd`).length,
  };
}

// No pooling limit: every stream holds its socket for good, and 1,000 must be open at once.
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
const requestAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/** Opens a follower's stream; resolves once the server's first line arrives, which it writes after subscribing. */
function openStream(base: string, collaboration: Collaboration, session: Session): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${base}/api/v1/collaborations/${collaboration.id}/events`,
      { agent: streamAgent, headers: { cookie: session.cookie, accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`stream of collaboration ${collaboration.index}: status ${response.statusCode}`));
          return;
        }
        const stream: Stream = { collaboration, heard: [], ended: false, close: () => request.destroy() };
        let buffer = '';
        let subscribed = false;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          // Timed on arrival, before any parsing, so the figure is the network's and the server's.
          const at = performance.now();
          buffer += chunk;
          for (let cut = buffer.indexOf('\n\n'); cut !== -1; cut = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (block.includes('event: change') && data) {
              const event = JSON.parse(data.slice(6)) as { collaborationId: string; kind: string };
              stream.heard.push({ collaborationId: event.collaborationId, kind: event.kind, at });
            }
            if (!subscribed && block.startsWith('retry:')) {
              subscribed = true;
              resolve(stream);
            }
          }
        });
        response.on('close', () => {
          stream.ended = true;
        });
      },
    );
    request.on('error', reject);
  });
}

function post(base: string, route: string, session: Session): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}/api/v1${route}`,
      {
        method: 'POST',
        agent: requestAgent,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-length': 0 },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
}

const revealedFor = (stream: Stream) =>
  stream.heard.find((h) => h.kind === 'revealed' && h.collaborationId === stream.collaboration.id);

/** One starter member submits; every follower's delay to the `revealed` event, null for one that never got it. */
async function reveal(base: string, collaboration: Collaboration, followers: Stream[]): Promise<Reveal> {
  const sent = performance.now();
  const answer = await post(base, `/collaborations/${collaboration.id}/submit`, collaboration.followers[0]!);
  const answered = performance.now();
  if (answer.status !== 200 || !(JSON.parse(answer.body) as { revealed: boolean }).revealed)
    throw new Error(`submit of collaboration ${collaboration.index}: ${answer.status} ${answer.body}`);
  await until(() => followers.every(revealedFor), DEADLINE_MS);
  return {
    requestMs: answered - sent,
    deliveries: followers.map((stream) => {
      const heard = revealedFor(stream);
      return heard ? { fromSent: heard.at - sent, fromAnswer: heard.at - answered } : null;
    }),
  };
}

/**
 * Every follower heard only its own collaboration: a submitted and a revealed event when it was revealed, else
 * nothing but who came and went (presence, from the other followers opening their streams).
 */
function misdirected(streams: Stream[], revealed: Set<string>): number {
  return streams.filter((stream) => {
    const own = stream.collaboration.id;
    if (stream.heard.some((h) => h.collaborationId !== own)) return true;
    const kinds = stream.heard
      .filter((h) => h.kind !== 'presence-changed')
      .map((h) => h.kind)
      .join(',');
    return revealed.has(own) ? kinds !== 'submitted,revealed' : kinds !== '';
  }).length;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => value.toFixed(1);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const cells = [50, 95, 99].map((p) => ms(percentile(sorted, p)));
  return `| ${label} | ${values.length} | ${cells.join(' | ')} | ${ms(sorted.at(-1)!)} |`;
}

function openFilesLimit(): string {
  return /Max open files\s+(\S+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 'unknown';
}

async function bench(): Promise<number> {
  const postgres = await startPostgres();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'iw-bench-live-'));
  let app: ChildProcess | undefined;
  try {
    const database = await openDatabase({ kind: 'postgres', url: postgres.url, poolSize: 2 });
    const all = await seed(database.db);
    await database.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    app = await startApp(postgres.url, port, dataDir);
    process.stderr.write(`app pid ${app.pid}; open-files limit ${openFilesLimit()}\n`);

    // The first streams pay for code loaded and compiled once; open and close a few before the baseline.
    const spare = all.at(-1)!;
    const warm = await Promise.all(spare.followers.map((s) => openStream(base, spare, s)));
    for (const stream of warm) stream.close();
    await new Promise((r) => setTimeout(r, 1_000));

    const memory = [await serverMemory(app, 'streams warmed up, none open')];
    const openStart = performance.now();
    const streams = await inBatches(
      all.flatMap((c) => c.followers.map((session) => ({ c, session }))),
      100,
      ({ c, session }) => openStream(base, c, session),
    );
    const openSeconds = (performance.now() - openStart) / 1000;
    // Idle long enough for the open bursts' garbage and buffers to settle, shorter than the 25 s keep-alive.
    await new Promise((r) => setTimeout(r, 5_000));
    memory.push(await serverMemory(app, `${streams.length} streams open and idle`));
    process.stderr.write(`${streams.length} streams open in ${openSeconds.toFixed(1)} s\n`);

    const followersOf = (c: Collaboration) => streams.filter((s) => s.collaboration === c);
    const revealed = new Set<string>();
    const revealOne = async (c: Collaboration) => {
      revealed.add(c.id);
      return reveal(base, c, followersOf(c));
    };
    // A warm-up reveal, left out of the figures: the first one compiles the submit path and the bus.
    await revealOne(spare);
    const oneAtATime: Reveal[] = [];
    for (const c of all.slice(0, REVEALS)) oneAtATime.push(await revealOne(c));
    const atOnce = await inBatches(all.slice(REVEALS, 2 * REVEALS), AT_ONCE, revealOne);
    // Anything misdirected would arrive about as fast as the reveals did: give it a second to show up.
    await new Promise((r) => setTimeout(r, 1_000));
    const wrong = misdirected(streams, revealed);
    const ended = streams.filter((s) => s.ended).length;
    memory.push(await serverMemory(app, 'after the reveals'));

    for (const stream of streams) stream.close();
    await new Promise((r) => setTimeout(r, 2_000));
    memory.push(await serverMemory(app, 'all streams closed by the clients'));

    return report({ streams: streams.length, openSeconds, memory, oneAtATime, atOnce, wrong, ended });
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(r: {
  streams: number;
  openSeconds: number;
  memory: Memory[];
  oneAtATime: Reveal[];
  atOnce: Reveal[];
  wrong: number;
  ended: number;
}): number {
  const delivered = (reveals: readonly Reveal[]) =>
    reveals.flatMap((x) => x.deliveries).filter((d) => d !== null);
  const missed = [...r.oneAtATime, ...r.atOnce].flatMap((x) => x.deliveries).filter((d) => d === null).length;
  const both = delivered([...r.oneAtATime, ...r.atOnce]);
  const p99 = percentile(
    both.map((d) => d.fromSent).sort((a, b) => a - b),
    99,
  );

  console.log(
    `\n${COLLABORATIONS} collaborations × ${FOLLOWERS} followers = ${r.streams} streams on PostgreSQL, opened in ${r.openSeconds.toFixed(1)} s; Node ${process.version}, open-files limit ${openFilesLimit()}\n`,
  );
  console.log(
    '| reveal → `revealed` event at each follower | deliveries | p50 ms | p95 ms | p99 ms | max ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const phases = [
    [`${r.oneAtATime.length} reveals one at a time`, r.oneAtATime],
    [`${r.atOnce.length} reveals ${AT_ONCE} at once`, r.atOnce],
    ['all', [...r.oneAtATime, ...r.atOnce]],
  ] as const;
  for (const [label, reveals] of phases) {
    console.log(
      summary(
        `${label}, from the submit sent`,
        delivered(reveals).map((d) => d.fromSent),
      ),
    );
    console.log(
      summary(
        `${label}, from its answer received`,
        delivered(reveals).map((d) => d.fromAnswer),
      ),
    );
  }
  console.log(
    summary(
      'the submit request itself (sent → answer)',
      [...r.oneAtATime, ...r.atOnce].map((x) => x.requestMs),
    ),
  );

  console.log('\n| app process | RSS MiB | V8 heap used MiB | open fds |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const m of r.memory) console.log(`| ${m.label} | ${mib(m.rss)} | ${mib(m.heapUsed)} | ${m.fds} |`);
  const [before, idle] = r.memory;
  const perStream = (bytes: number) => (bytes / r.streams / 1024).toFixed(1);
  console.log(
    `\nPer idle connection: ${perStream(idle!.rss - before!.rss)} KiB RSS, ${perStream(idle!.heapUsed - before!.heapUsed)} KiB V8 heap.`,
  );
  console.log(
    `Missed (no reveal within ${DEADLINE_MS / 1000} s): ${missed}. Followers that heard something not theirs, or not exactly submitted + revealed: ${r.wrong}. Streams the server ended: ${r.ended}.`,
  );
  const met = missed === 0 && r.wrong === 0 && r.ended === 0 && p99 <= TARGET_P99_MS;
  console.log(
    `Target p99 ≤ ${TARGET_P99_MS} ms from the submit sent, none missed: ${met ? 'met' : 'NOT met'}.`,
  );
  return met ? 0 : 1;
}

if (process.argv.includes('--serve')) await serve();
else process.exit(await bench());
