import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { type Db, queryRows } from './client.ts';
import { ReconnectingListener } from './listener.ts';

const FORGET = 'iw_auth_forget';
const ACK = 'iw_auth_ack';
const APPLICATION = 'iw-auth-listener';
const ACK_TIMEOUT_MS = 2_000;

type Listener = {
  forget: (userId: string) => void;
  /** The channel is down or back: the cache stops or starts. */
  down: () => void;
  up: () => void;
};

/**
 * Session-cache invalidation between app servers on one PostgreSQL database, by LISTEN/NOTIFY. Every server keeps
 * one listening connection (application_name iw-auth-listener). A server that forgets a user counts the
 * listening servers, notifies them, and waits until each has answered that it forgot. Only then is the answer
 * that caused it sent, so no other server can serve the revoked session from its cache afterwards. A server
 * whose listening connection is down turns its cache off (`down()`) and reconnects with back-off; a server
 * that does not answer within two seconds is not waited for longer.
 */
export class AuthBroadcast {
  private readonly server = randomUUID();
  private readonly acks = new Map<string, (server: string) => void>();
  private acking: Promise<void> = Promise.resolve();
  private readonly channel: ReconnectingListener;

  constructor(
    url: string,
    private readonly db: Db,
    private readonly listener: Listener,
    log?: FastifyBaseLogger,
  ) {
    this.channel = new ReconnectingListener(
      { url, application: APPLICATION, channels: [FORGET, ACK], purpose: 'session cache off', log },
      {
        notification: (channel, payload, client) => this.heard(channel, payload, client),
        up: () => this.listener.up(),
        down: () => this.listener.down(),
      },
    );
  }

  start(): Promise<void> {
    return this.channel.start();
  }

  /** Sends the forget to every listening server and waits until each has done it. */
  readonly publish = async (userId: string): Promise<void> => {
    const nonce = randomUUID();
    const [row] = await queryRows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from pg_stat_activity
           where application_name = ${APPLICATION} and datname = current_database()`,
    );
    const expected = row?.n ?? 0;
    const acked = new Set<string>();
    const done = new Promise<void>((resolve) => {
      if (expected === 0) return resolve();
      this.acks.set(nonce, (server) => {
        acked.add(server);
        if (acked.size >= expected) resolve();
      });
      setTimeout(resolve, ACK_TIMEOUT_MS).unref();
    });
    try {
      await this.db.execute(sql`select pg_notify(${FORGET}, ${`${nonce} ${userId}`})`);
      await done;
    } finally {
      this.acks.delete(nonce);
    }
  };

  close(): Promise<void> {
    return this.channel.close();
  }

  private heard(channel: string, payload: string, client: pg.Client): void {
    const [first, second] = payload.split(' ');
    if (!first || !second) return;
    if (channel === FORGET) {
      this.listener.forget(second);
      // Forgotten before answering: the sender may go on once every server has answered. One query at a
      // time on this connection: pg does not take a second while one is running.
      this.acking = this.acking
        .then(() => client.query('select pg_notify($1, $2)', [ACK, `${first} ${this.server}`]))
        .then(
          () => undefined,
          () => undefined,
        );
    } else if (channel === ACK) {
      this.acks.get(first)?.(second);
    }
  }
}
