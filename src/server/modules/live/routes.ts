import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZCollaborationParams } from '../../../contracts/collaborations.ts';
import { type LiveEvent, ZPresence } from '../../../contracts/live.ts';
import { type OrganisationActor, requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { LiveBus } from './bus.ts';
import type { PresenceRepository } from './repository.ts';

/** A browser that does not read its stream is let go before it holds more than this much. */
const MAX_BUFFERED = 64 * 1024;
const KEEP_ALIVE_MS = 25_000;
/** A stream not refreshed for this long (its server went away) no longer counts as someone looking. */
const PRESENCE_TTL_MS = 70_000;

export type LiveDeps = {
  bus: LiveBus;
  /**
   * Whether the person who opened the stream, signed in as then and acting for the same organisation, may still
   * read the collaboration: asked again before every event.
   */
  stillReads: (
    request: FastifyRequest,
    actor: OrganisationActor,
    collaborationId: string,
  ) => Promise<boolean>;
  /** May the actor read the collaboration (404 otherwise, as the API answers). */
  read: (actor: OrganisationActor, collaborationId: string) => Promise<unknown>;
  presence: PresenceRepository;
};

/**
 * Server-sent events per collaboration (docs/decisions/0014-live-updates-by-server-sent-events.md): small
 * "this changed" signals after which the browser fetches through the normal API. Authorised when it opens and
 * again before every event, so a person who left, or whose organisation left, hears nothing more.
 */
export function registerLiveRoutes(app: App, deps: LiveDeps): void {
  // Open streams never end by themselves: a stopping server ends them first, or it would wait for them.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });
  app.get(
    '/collaborations/:id/presence',
    {
      schema: {
        tags: ['collaborations'],
        summary: 'Who of the partners has the collaboration open now (names only)',
        params: ZCollaborationParams,
        response: { 200: ZPresence, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireMember(request);
      await deps.read(actor, request.params.id);
      const rows = await deps.presence.present(request.params.id, new Date(Date.now() - PRESENCE_TTL_MS));
      const people = new Map<string, { name: string; organisation: string; you: boolean }>();
      for (const row of rows)
        people.set(row.userId, {
          name: row.name,
          organisation: row.organisation,
          you: row.userId === actor.userId,
        });
      return {
        people: [...people.values()].sort(
          (a, b) => a.organisation.localeCompare(b.organisation) || a.name.localeCompare(b.name),
        ),
      };
    },
  );

  app.get(
    '/collaborations/:id/events',
    {
      schema: {
        tags: ['collaborations'],
        summary:
          'Live updates of a collaboration as server-sent events (text/event-stream): what changed, never its content',
        params: ZCollaborationParams,
        headers: z.object({ 'last-event-id': z.string().max(40).optional() }).passthrough(),
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireMember(request);
      const collaborationId = request.params.id;
      await deps.read(actor, collaborationId);
      const lastId = request.headers['last-event-id'];

      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      let isOpen = true;
      // Presence is a courtesy: if it cannot be written, the stream still carries its events.
      const announce = () =>
        deps.bus
          .publish({ collaborationId, kind: 'presence-changed', organisationId: actor.organisation.id })
          .catch(() => undefined);
      const fresh = () => new Date(Date.now() - PRESENCE_TTL_MS);
      const here = deps.presence
        .enter(collaborationId, actor.userId, actor.organisation.id, new Date(), fresh())
        .then(async ({ id, first }) => {
          if (first) await announce();
          return id;
        })
        .catch(() => null);
      const close = () => {
        if (!isOpen) return;
        isOpen = false;
        void here.then(async (id) => {
          if (!id) return;
          if (await deps.presence.leave(id, fresh()).catch(() => false)) await announce();
        });
        open.delete(close);
        unsubscribe();
        stopResync();
        clearInterval(keepAlive);
        out.end();
      };
      const write = (text: string) => {
        if (!isOpen) return;
        if (out.writableLength > MAX_BUFFERED) {
          close();
          out.destroy();
          return;
        }
        out.write(text);
      };
      const send = (event: LiveEvent) =>
        write(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
      // One event at a time, each after asking again whether the person may still read the collaboration.
      let queue = Promise.resolve();
      const unsubscribe = deps.bus.subscribe(collaborationId, (event) => {
        queue = queue.then(async () => {
          if (!isOpen) return;
          if (await deps.stillReads(request, actor, collaborationId).catch(() => false)) send(event);
          else close();
        });
      });
      const stopResync = deps.bus.onResync(() => write('event: resync\ndata: {}\n\n'));
      const keepAlive = setInterval(() => {
        write(': keep-alive\n\n');
        void here.then(async (id) => {
          if (id) await deps.presence.touch(id, new Date()).catch(() => undefined);
        });
      }, KEEP_ALIVE_MS);
      keepAlive.unref();
      request.raw.on('close', close);
      open.add(close);

      write('retry: 2000\n\n');
      if (lastId && /^\d+$/.test(lastId)) {
        const missed = deps.bus.since(collaborationId, lastId);
        // Too much missed to replay: the browser fetches everything again.
        if (missed === null) write('event: resync\ndata: {}\n\n');
        else for (const event of missed) send(event);
      }
    },
  );
}
