import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { type LiveEvent, ZLiveEvent } from '../../../contracts/live.ts';

const CHANNEL = 'iw_live';
/** How many recent events each collaboration keeps, so a browser that reconnects gets what it missed. */
const KEPT = 50;
/** Told to every follower when the channel was lost and is back: what happened meanwhile never arrived here. */
const RESYNC = 'iw:resync';

type Listener = (event: LiveEvent) => void;

/**
 * Collaboration events between the requests that cause them and the browsers that follow them. On PostgreSQL
 * they go through NOTIFY on one channel, so every app server on the database hears every event (one listening
 * connection per server, reconnected with back-off); on the embedded database, within the process.
 */
export class LiveBus {
  private readonly local = new EventEmitter();
  private readonly recent = new Map<string, LiveEvent[]>();
  private client: pg.Client | undefined;
  private closed = false;
  private retryMs = 500;
  private timer: NodeJS.Timeout | undefined;
  private counter = 0;
  private wasLost = false;

  constructor(
    private readonly options: {
      /** PostgreSQL: the database's address for the listening connection, and a way to send NOTIFY. */
      postgres?: { url: string; notify: (channel: string, payload: string) => Promise<void> };
      log?: FastifyBaseLogger;
    } = {},
  ) {
    this.local.setMaxListeners(0);
  }

  async start(): Promise<void> {
    if (!this.options.postgres) return;
    try {
      await this.connect();
    } catch (error) {
      this.options.log?.warn({ err: error }, 'live updates: cannot listen yet; retrying');
      this.retry();
    }
  }

  /** Sends an event to everyone following its collaboration, on every app server. */
  async publish(event: Omit<LiveEvent, 'id' | 'at'>): Promise<void> {
    this.counter = (this.counter + 1) % 1000;
    const full: LiveEvent = {
      ...event,
      id: String(Date.now() * 1000 + this.counter),
      at: new Date().toISOString(),
    };
    if (this.options.postgres) await this.options.postgres.notify(CHANNEL, JSON.stringify(full));
    else this.deliver(full);
  }

  /** Follows one collaboration; returns the way to stop. */
  subscribe(collaborationId: string, listener: Listener): () => void {
    this.local.on(collaborationId, listener);
    return () => this.local.off(collaborationId, listener);
  }

  /** Called when events may have been missed (the database channel was down): followers fetch everything again. */
  onResync(listener: () => void): () => void {
    this.local.on(RESYNC, listener);
    return () => this.local.off(RESYNC, listener);
  }

  /** The kept events of a collaboration after `lastId`, oldest first; null when `lastId` is older than those. */
  since(collaborationId: string, lastId: string): LiveEvent[] | null {
    const kept = this.recent.get(collaborationId) ?? [];
    const index = kept.findIndex((e) => e.id === lastId);
    if (index === -1)
      return kept.length < KEPT && kept.every((e) => BigInt(e.id) > BigInt(lastId)) ? kept : null;
    return kept.slice(index + 1);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    this.local.removeAllListeners();
  }

  private deliver(event: LiveEvent): void {
    const kept = this.recent.get(event.collaborationId) ?? [];
    kept.push(event);
    if (kept.length > KEPT) kept.shift();
    this.recent.set(event.collaborationId, kept);
    this.local.emit(event.collaborationId, event);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.postgres!.url,
      application_name: 'iw-live',
    });
    client.on('notification', (message) => {
      const parsed = ZLiveEvent.safeParse(JSON.parse(message.payload ?? 'null'));
      if (parsed.success) this.deliver(parsed.data);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      if (!this.closed) {
        this.wasLost = true;
        this.options.log?.warn('live updates: lost the database channel; reconnecting');
        this.retry();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.retryMs = 500;
    if (this.wasLost) {
      this.wasLost = false;
      // Events sent while nobody here listened are gone; the kept ones no longer tell the whole story either.
      this.recent.clear();
      this.options.log?.info('live updates: database channel back; followers refetch');
      this.local.emit(RESYNC);
    }
  }

  private retry(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.connect().catch(() => this.retry());
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
  }
}
