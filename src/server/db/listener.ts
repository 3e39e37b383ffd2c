import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';

export type ListenerHandlers = {
  notification: (channel: string, payload: string, client: pg.Client) => void;
  /** Listening (again): `again` after the connection was lost, when notifications may have been missed. */
  up?: (again: boolean) => void;
  /** The connection is lost; reconnecting has begun. */
  down?: () => void;
};

/**
 * One LISTEN connection to PostgreSQL that stays: outside the pool (a pooled connection would lose its LISTEN
 * when handed back), named by `application_name` so servers can count each other, and reconnected with back-off
 * (0.5 s doubling to 30 s) whenever the database goes away and comes back. Used by the session-cache broadcast
 * and the live updates.
 */
export class ReconnectingListener {
  private client: pg.Client | undefined;
  private closed = false;
  private lost = false;
  private retryMs = 500;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      url: string;
      application: string;
      channels: string[];
      /** Names the listener in the log ("session cache", "live updates"). */
      purpose: string;
      log?: FastifyBaseLogger;
    },
    private readonly handlers: ListenerHandlers,
  ) {}

  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      this.options.log?.warn({ err: error }, `${this.options.purpose}: cannot listen yet; retrying`);
      this.retry();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: this.options.application,
    });
    client.on('notification', (message) =>
      this.handlers.notification(message.channel, message.payload ?? '', client),
    );
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.lost = true;
      this.handlers.down?.();
      if (!this.closed) {
        this.options.log?.warn(`${this.options.purpose}: lost the database channel; reconnecting`);
        this.retry();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    for (const channel of this.options.channels) await client.query(`listen ${channel}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.retryMs = 500;
    const again = this.lost;
    this.lost = false;
    if (again) this.options.log?.info(`${this.options.purpose}: database channel back`);
    this.handlers.up?.(again);
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
