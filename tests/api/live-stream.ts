import type { FastifyInstance } from 'fastify';
import type { LiveEvent } from '../../src/contracts/live.ts';
import type { Client } from './harness.ts';

export type Stream = {
  status: number;
  /** Every `change` event received so far (but presence), and whether the server sent a resync. */
  events: LiveEvent[];
  /** The `presence-changed` events: someone opened or closed the collaboration. */
  presence: LiveEvent[];
  resync: boolean;
  /** True once the server ended the stream. */
  ended: () => boolean;
  /** Waits until an event of this kind arrives (or fails after `ms`). */
  next: (kind: LiveEvent['kind'], ms?: number) => Promise<LiveEvent>;
  close: () => void;
};

/** Opens a collaboration's event stream over real HTTP as the client, and keeps reading it in the background. */
export async function openStream(
  app: FastifyInstance,
  client: Client,
  collaborationId: string,
  options: { lastEventId?: string } = {},
): Promise<Stream> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const abort = new AbortController();
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/collaborations/${collaborationId}/events`, {
    headers,
    signal: abort.signal,
  });
  const events: LiveEvent[] = [];
  const presence: LiveEvent[] = [];
  let resync = false;
  let ended = false;
  const waiters: (() => void)[] = [];
  if (response.ok && response.body) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut = buffer.indexOf('\n\n');
          while (cut !== -1) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const lines = block.split('\n');
            const kind = lines.find((l) => l.startsWith('event: '))?.slice(7);
            const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
            if (kind === 'change' && data) {
              const event = JSON.parse(data) as LiveEvent;
              (event.kind === 'presence-changed' ? presence : events).push(event);
            }
            if (kind === 'resync') resync = true;
            for (const wake of waiters.splice(0)) wake();
            cut = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Aborted by the test.
      }
      ended = true;
      for (const wake of waiters.splice(0)) wake();
    })();
  } else {
    ended = true;
  }
  const next = async (kind: LiveEvent['kind'], ms = 3_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = [...events, ...presence].find((e) => e.kind === kind);
      if (found) return found;
      if (ended) throw new Error(`stream ended before a ${kind} event`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no ${kind} event within ${ms} ms; got ${events.map((e) => e.kind).join(', ')}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, left).unref();
      });
    }
  };
  return {
    status: response.status,
    events,
    presence,
    get resync() {
      return resync;
    },
    ended: () => ended,
    next,
    close: () => abort.abort(),
  } as Stream;
}
