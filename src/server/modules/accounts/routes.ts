import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type Me,
  ZApiTokenList,
  ZChangePasswordBody,
  ZCreatedToken,
  ZCreateTokenBody,
  ZDeleteAccountBody,
  ZDeleteAccountConflict,
  ZLinkTokenParams,
  ZMe,
  ZPasswordResetAccepted,
  ZPasswordResetBody,
  ZPasswordResetRequestBody,
  ZSignInBody,
  ZSignUpAccepted,
  ZSignUpBody,
} from '../../../contracts/accounts.ts';
import { ZIdParams, ZOk } from '../../../contracts/common.ts';
import { type AuthContext, requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { OrganisationsService } from '../organisations/service.ts';
import type { AccountsService, NewSession, PersonalNotices } from './service.ts';

export const SESSION_COOKIE = 'iw_session';
const tags = ['accounts'];

export function registerAccountRoutes(
  app: App,
  deps: {
    accounts: AccountsService;
    organisations: OrganisationsService;
    secureCookies: boolean;
    /** The person's notices and choices, for their data export (the notifications module holds them). */
    notices?: (auth: AuthContext) => Promise<PersonalNotices>;
  },
): void {
  const { accounts, organisations } = deps;

  const buildMe = async (
    user: { userId: string; name: string; email: string; platformRoles: AuthContext['platformRoles'] },
    activeOrganisationId: string | null,
    csrfToken: string | null,
  ): Promise<Me> => ({
    user: { id: user.userId, name: user.name, email: user.email, platformRoles: user.platformRoles },
    activeOrganisationId,
    memberships: await organisations.listMine(user.userId),
    csrfToken,
  });

  const setSessionCookie = (reply: FastifyReply, session: NewSession) =>
    reply.setCookie(SESSION_COOKIE, session.cookieValue, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies,
      expires: session.expiresAt,
    });

  const startSession = async (
    reply: FastifyReply,
    user: { id: string; name: string; email: string },
    platformRoles: AuthContext['platformRoles'],
  ) => {
    const mine = await organisations.listMine(user.id);
    const active = mine[0]?.organisationId ?? null;
    const session = await accounts.startSession(user.id, active);
    setSessionCookie(reply, session);
    return buildMe(
      { userId: user.id, name: user.name, email: user.email, platformRoles },
      active,
      session.csrfToken,
    );
  };

  app.post(
    '/auth/sign-up',
    {
      schema: {
        tags,
        summary: 'Create an account',
        description:
          'The same 202 for a new and an existing address when this installation sends e-mail: the account is made when its owner follows the link sent to the address. Without e-mail a new address gets its account and a session at once (201); an existing one the same neutral 202. Limited per network address and per e-mail address (429).',
        body: ZSignUpBody,
        response: { 201: ZMe, 202: ZSignUpAccepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await accounts.signUp(request.body, request.ip);
      if ('accepted' in outcome) return reply.code(202).send(outcome.accepted);
      const { user } = outcome;
      return reply.code(201).send(await startSession(reply, user, await accounts.platformRolesOf(user.id)));
    },
  );

  app.post(
    '/auth/sign-up/:token',
    {
      schema: {
        tags,
        summary: 'Confirm a sign-up with the link sent by e-mail: makes the account and signs in',
        params: ZLinkTokenParams,
        response: { 201: ZMe, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await accounts.confirmSignUp(request.params.token);
      return reply.code(201).send(await startSession(reply, user, await accounts.platformRolesOf(user.id)));
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password-reset link by e-mail',
        description:
          'The same 202 whether or not the address has an account. The link works once, for an hour. Limited per network address and per e-mail address (429).',
        body: ZPasswordResetRequestBody,
        response: { 202: ZPasswordResetAccepted, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await accounts.requestPasswordReset(request.body.email, request.ip)),
  );

  app.post(
    '/auth/password-reset/:token',
    {
      schema: {
        tags,
        summary: 'Choose a new password with a reset link; signs out every session of that account',
        params: ZLinkTokenParams,
        body: ZPasswordResetBody,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await accounts.resetPassword(request.params.token, request.body.password, request.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: ZSignInBody,
        response: { 200: ZMe, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await accounts.signIn({ ...request.body, address: request.ip });
      return startSession(reply, user, await accounts.platformRolesOf(user.id));
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags, summary: 'Sign out of this session', response: { 200: ZOk, ...errorResponses } } },
    async (request, reply) => {
      const auth = requireUser(request);
      await accounts.endSession(auth);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their organisations and CSRF token',
        response: { 200: ZMe, ...errorResponses },
      },
    },
    async (request: FastifyRequest) => {
      const auth = requireUser(request);
      return buildMe(auth, auth.organisation?.id ?? null, auth.csrfToken);
    },
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password',
        body: ZChangePasswordBody,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await accounts.changePassword(requireUser(request), request.body, request.ip);
      return { ok: true as const };
    },
  );

  app.delete(
    '/me',
    {
      schema: {
        tags,
        summary: 'Delete your account (asks for your password again)',
        description:
          '409 last_admin_of_organisations names the organisations that would be left without an admin (make someone else admin there, or delete the organisation); 409 last_platform_admin when no other platform admin remains.',
        body: ZDeleteAccountBody,
        response: { 200: ZOk, ...errorResponses, 409: ZDeleteAccountConflict },
      },
    },
    async (request, reply) => {
      const auth = requireUser(request);
      await accounts.deleteAccount(auth, request.body.password, request.ip, () =>
        soleAdminOrganisations(auth),
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  /**
   * The organisations this person is the only admin of, leaving out those already scheduled for deletion
   * (they go anyway).
   */
  const soleAdminOrganisations = async (auth: AuthContext) => {
    const blocking: { id: string; name: string }[] = [];
    for (const membership of await organisations.listMine(auth.userId)) {
      if (membership.role !== 'admin') continue;
      const actor = { ...auth, organisation: { id: membership.organisationId, role: 'admin' as const } };
      const admins = (await organisations.members(actor)).filter((m) => m.role === 'admin');
      if (admins.length > 1) continue;
      if ((await organisations.get(actor)).deletionDueAt) continue;
      blocking.push({ id: membership.organisationId, name: membership.name });
    }
    return blocking;
  };

  app.get(
    '/me/export.zip',
    {
      schema: {
        tags,
        summary:
          'Everything the installation holds about you, as JSON and CSV in a zip: profile, memberships, platform roles, sessions, API tokens (never secrets), your security events',
        produces: ['application/zip'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = requireUser(request);
      const file = await accounts.exportAccount(
        auth,
        await organisations.listMine(auth.userId),
        request.ip,
        await deps.notices?.(auth),
      );
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('content-length', file.zip.byteLength)
        .send(Buffer.from(file.zip) as never);
    },
  );

  app.put(
    '/me/active-organisation',
    {
      schema: {
        tags,
        summary: 'Switch the organisation you act for',
        body: z.object({ organisationId: z.uuid() }),
        response: { 200: ZMe, ...errorResponses },
      },
    },
    async (request) => {
      const auth = requireUser(request);
      await organisations.assertMember(auth.userId, request.body.organisationId);
      await accounts.setActiveOrganisation(auth, request.body.organisationId);
      return buildMe(auth, request.body.organisationId, auth.csrfToken);
    },
  );

  app.get(
    '/me/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal API tokens',
        response: { 200: ZApiTokenList, ...errorResponses },
      },
    },
    async (request) => ({ tokens: await accounts.listTokens(requireUser(request)) }),
  );

  app.post(
    '/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown once)',
        body: ZCreateTokenBody,
        response: { 201: ZCreatedToken, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await accounts.createToken(
            requireUser(request),
            request.body.name,
            request.body.expiresAt,
            request.ip,
          ),
        ),
  );

  app.delete(
    '/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a personal API token',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await accounts.revokeToken(requireUser(request), request.params.id, request.ip);
      return { ok: true as const };
    },
  );
}
