import { and, desc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { retryDelayMs } from '../../domain/jobs/backoff.ts';
import { type Db, queryRows, type Tx } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';

export type JobHandler = (
  payload: Record<string, unknown>,
  context: { now: Date; attempt: number },
) => Promise<void>;

type Recurring = { kind: string; everyMs: number };

/** How long a claimed job is held before another server may take it over (its server died while running it). */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/**
 * Work that runs later or again, in the product's own database (docs/decisions/0015-jobs-in-our-own-table.md):
 * nothing else has to be started, a job can be added in the same transaction as the change that causes it,
 * and with several app servers each job is claimed by exactly one of them.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: Recurring[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: { log?: FastifyBaseLogger; now?: () => Date } = {},
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** A job of this kind once per period, whichever server gets there first (keyed by the period's start). */
  every(kind: string, everyMs: number): void {
    this.recurring.push({ kind, everyMs });
  }

  /** Adds a job; with a key, a second job of the same key is not added. */
  async enqueue(
    kind: string,
    payload: Record<string, unknown>,
    options: { runAt?: Date; key?: string; maxAttempts?: number; tx?: Tx } = {},
  ): Promise<void> {
    await (options.tx ?? this.db)
      .insert(jobs)
      .values({
        kind,
        payload,
        key: options.key ?? null,
        runAt: options.runAt ?? this.now(),
        maxAttempts: options.maxAttempts ?? 5,
      })
      .onConflictDoNothing({ target: jobs.key });
  }

  /** Adds the recurring jobs that are due, then runs every due job; returns how many ran. */
  async runDue(now: Date = this.now()): Promise<number> {
    for (const r of this.recurring) {
      const slot = Math.floor(now.getTime() / r.everyMs) * r.everyMs;
      await this.enqueue(
        r.kind,
        {},
        { runAt: new Date(slot), key: `${r.kind}@${new Date(slot).toISOString()}` },
      );
    }
    let ran = 0;
    for (;;) {
      const claimed = await this.claim(now);
      if (claimed.length === 0) return ran;
      for (const job of claimed) {
        await this.run(job, now);
        ran++;
      }
    }
  }

  private claim(now: Date) {
    const until = new Date(now.getTime() + LEASE_MS);
    return queryRows<{
      id: string;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    }>(
      this.db,
      sql`update jobs set locked_until = ${until.toISOString()}, attempts = attempts + 1
          where id in (
            select id from jobs
            where done_at is null and failed_at is null and run_at <= ${now.toISOString()}
              and (locked_until is null or locked_until <= ${now.toISOString()})
            order by run_at limit ${BATCH}
            for update skip locked)
          returning id, kind, payload, attempts, max_attempts`,
    );
  }

  private async run(
    job: {
      id: string;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    },
    now: Date,
  ): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      await handler(job.payload ?? {}, { now, attempt: job.attempts });
      await this.db
        .update(jobs)
        .set({ doneAt: now, lockedUntil: null, lastError: null })
        .where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = job.attempts >= job.max_attempts;
      this.options.log?.warn(
        { job: job.id, kind: job.kind, attempt: job.attempts, err: message },
        'job failed',
      );
      await this.db
        .update(jobs)
        .set(
          last
            ? { failedAt: now, lockedUntil: null, lastError: message.slice(0, 2000) }
            : {
                runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
                lockedUntil: null,
                lastError: message.slice(0, 2000),
              },
        )
        .where(eq(jobs.id, job.id));
    }
  }

  /** Jobs that gave up after their last attempt, newest first: for the platform admin. */
  failed(limit = 100) {
    return this.db
      .select({
        id: jobs.id,
        kind: jobs.kind,
        attempts: jobs.attempts,
        lastError: jobs.lastError,
        failedAt: jobs.failedAt,
        createdAt: jobs.createdAt,
      })
      .from(jobs)
      .where(isNotNull(jobs.failedAt))
      .orderBy(desc(jobs.failedAt))
      .limit(limit);
  }

  /** Gives a failed job a fresh set of attempts, now. */
  async retry(id: string): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({ failedAt: null, attempts: 0, runAt: this.now(), lastError: null })
      .where(and(eq(jobs.id, id), isNotNull(jobs.failedAt)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** Finished jobs are kept a week, for looking into what happened; failed ones until an admin acts. */
  async purge(now: Date = this.now()): Promise<void> {
    await this.db
      .delete(jobs)
      .where(and(isNotNull(jobs.doneAt), lt(jobs.doneAt, new Date(now.getTime() - 7 * 86_400_000))));
  }

  /** Polls for due work every `pollMs` until closed; one pass at a time per server. */
  start(pollMs = 5_000): void {
    const tick = () => {
      if (this.closed) return;
      this.running = this.runDue()
        .catch((error: unknown) => this.options.log?.error({ err: error }, 'jobs: pass failed'))
        .finally(() => {
          if (!this.closed) this.timer = setTimeout(tick, pollMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
