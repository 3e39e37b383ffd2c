import type { LiveEventKind } from '../../../contracts/live.ts';
import type { App } from '../../http/types.ts';
import { eventsFor } from './events.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A committed change to a collaboration, as those following it are told of it. */
export type Change = { collaborationId: string; kind: LiveEventKind; organisationId: string | null };
/** Who made the change and what the route answered (an action's owner, a reveal). */
export type ChangeContext = { actorUserId: string | null; answer: unknown };
export type ChangeListener = {
  name: string;
  handle: (change: Change, context: ChangeContext) => Promise<void>;
};

/**
 * Whatever changed a collaboration is passed to each listener (live updates, notifications) once the change is
 * committed and its answer is on its way. A listener that fails is logged and does not fail the request.
 */
export function registerChangeHook(api: App, listeners: ChangeListener[]): void {
  api.addHook('onSend', async (request, reply, payload) => {
    if (SAFE_METHODS.has(request.method) || reply.statusCode >= 300 || !request.routeOptions.url)
      return payload;
    let answer: unknown = null;
    if (typeof payload === 'string' && payload.startsWith('{')) {
      try {
        answer = JSON.parse(payload);
      } catch {
        answer = null;
      }
    }
    const organisationId = request.auth?.organisation?.id ?? null;
    const context = { actorUserId: request.auth?.userId ?? null, answer };
    for (const event of eventsFor({
      method: request.method,
      route: request.routeOptions.url,
      statusCode: reply.statusCode,
      params: (request.params ?? {}) as Record<string, string>,
      answer,
    }))
      for (const listener of listeners)
        await listener
          .handle({ ...event, organisationId }, context)
          .catch((error) => request.log.warn({ err: error }, `${listener.name}: change not passed on`));
    return payload;
  });
}
