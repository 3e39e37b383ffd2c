import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { type LiveEvent, ZLiveEvent } from '../../../contracts/live.ts';
import { ReconnectingListener } from '../../db/listener.ts';

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
  private readonly channel: ReconnectingListener | undefined;
  private counter = 0;

  constructor(
    private readonly options: {
      /** PostgreSQL: the database's address for the listening connection, and a way to send NOTIFY. */
      postgres?: { url: string; notify: (channel: string, payload: string) => Promise<void> };
      log?: FastifyBaseLogger;
    } = {},
  ) {
    this.local.setMaxListeners(0);
    if (options.postgres)
      this.channel = new ReconnectingListener(
        {
          url: options.postgres.url,
          application: 'iw-live',
          channels: [CHANNEL],
          purpose: 'live updates',
          log: options.log,
        },
        {
          notification: (_channel, payload) => {
            // Anyone with the database's password can NOTIFY this channel: what is not an event is dropped.
            let parsed: ReturnType<typeof ZLiveEvent.safeParse>;
            try {
              parsed = ZLiveEvent.safeParse(JSON.parse(payload));
            } catch {
              return;
            }
            if (parsed.success) this.deliver(parsed.data);
          },
          up: (again) => {
            if (!again) return;
            // Events sent while nobody here listened are gone; the kept ones no longer tell the whole story.
            this.recent.clear();
            this.local.emit(RESYNC);
          },
        },
      );
  }

  async start(): Promise<void> {
    await this.channel?.start();
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
    await this.channel?.close();
    this.local.removeAllListeners();
  }

  private deliver(event: LiveEvent): void {
    const kept = this.recent.get(event.collaborationId) ?? [];
    kept.push(event);
    if (kept.length > KEPT) kept.shift();
    this.recent.set(event.collaborationId, kept);
    this.local.emit(event.collaborationId, event);
  }
}
