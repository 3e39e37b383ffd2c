import type { FastifyRequest } from 'fastify';
import type { PlatformRole } from '../../contracts/accounts.ts';
import type { MemberRole } from '../../contracts/organisations.ts';
import { forbidden, notFound, unauthorized } from './errors.ts';

export type AuthContext = {
  userId: string;
  name: string;
  email: string;
  platformRoles: PlatformRole[];
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  /** The acting organisation: from the session (or the token), never from the request. */
  organisation: { id: string; role: MemberRole } | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function requireUser(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

export type OrganisationActor = AuthContext & { organisation: { id: string; role: MemberRole } };

/** The signed-in user acting for their current organisation. */
export function requireMember(request: FastifyRequest): OrganisationActor {
  const auth = requireUser(request);
  if (!auth.organisation) throw notFound('You have no current organisation. Create or choose one first.');
  return auth as OrganisationActor;
}

export function requireAdmin(request: FastifyRequest): OrganisationActor {
  const actor = requireMember(request);
  if (actor.organisation.role !== 'admin') throw forbidden('Only an admin of your organisation can do this.');
  return actor;
}

export function requirePlatformRole(request: FastifyRequest, role: PlatformRole): AuthContext {
  return requirePlatformRoleOf(requireUser(request), role);
}

export function requirePlatformRoleOf(auth: AuthContext, role: PlatformRole): AuthContext {
  if (!auth.platformRoles.includes(role)) throw forbidden('This needs a platform role you do not have.');
  return auth;
}
