import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Workspace } from '../../contracts/collaborations.ts';
import type { OrganisationActor } from './auth-context.ts';

/** The Fastify instance with zod schemas as the type provider: route handlers get typed bodies. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Reads the collaboration as its page shows it after a write; routes that answer with the whole workspace
 * receive it from start-up, so the modules they belong to do not import the workspace module.
 */
export type ComposeWorkspace = (actor: OrganisationActor, collaborationId: string) => Promise<Workspace>;
