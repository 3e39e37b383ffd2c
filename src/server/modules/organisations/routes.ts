import { ZIdParams, ZOk } from '../../../contracts/common.ts';
import {
  ZChangeRoleBody,
  ZCreatedInvitation,
  ZCreateInvitationBody,
  ZCreateOrganisationBody,
  ZInvitationList,
  ZInvitationPreview,
  ZInvitationTokenParams,
  ZMemberList,
  ZMembershipList,
  ZOrganisation,
  ZUpdateOrganisationBody,
  ZUserIdParams,
} from '../../../contracts/organisations.ts';
import { requireAdmin, requireMember, requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { AccountsService } from '../accounts/service.ts';
import type { OrganisationsService } from './service.ts';

const tags = ['organisations'];

export function registerOrganisationRoutes(
  app: App,
  deps: { organisations: OrganisationsService; accounts: AccountsService },
): void {
  const { organisations, accounts } = deps;

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'The organisations you belong to',
        response: { 200: ZMembershipList, ...errorResponses },
      },
    },
    async (request) => ({ organisations: await organisations.listMine(requireUser(request).userId) }),
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation; you become its admin and act for it',
        body: ZCreateOrganisationBody,
        response: { 201: ZOrganisation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = requireUser(request);
      const organisation = await organisations.create(auth, request.body);
      await accounts.setActiveOrganisation(auth, organisation.id);
      return reply.code(201).send(organisation);
    },
  );

  app.get(
    '/organisation',
    {
      schema: {
        tags,
        summary: 'The profile of the organisation you act for',
        response: { 200: ZOrganisation, ...errorResponses },
      },
    },
    async (request) => organisations.get(requireMember(request)),
  );

  app.patch(
    '/organisation',
    {
      schema: {
        tags,
        summary: 'Update the profile of the organisation you act for',
        body: ZUpdateOrganisationBody,
        response: { 200: ZOrganisation, ...errorResponses },
      },
    },
    async (request) => organisations.update(requireMember(request), request.body),
  );

  app.post(
    '/organisation/deletion',
    {
      schema: {
        tags,
        summary:
          'Delete your organisation (admins) after 30 days; until then any admin can cancel, and partners see it as leaving',
        response: { 200: ZOrganisation, ...errorResponses },
      },
    },
    async (request) => organisations.requestDeletion(requireAdmin(request)),
  );

  app.delete(
    '/organisation/deletion',
    {
      schema: {
        tags,
        summary: 'Cancel the pending deletion of your organisation (admins)',
        response: { 200: ZOrganisation, ...errorResponses },
      },
    },
    async (request) => organisations.cancelDeletion(requireAdmin(request)),
  );

  app.get(
    '/organisation/members',
    {
      schema: {
        tags,
        summary: 'Members of your organisation',
        response: { 200: ZMemberList, ...errorResponses },
      },
    },
    async (request) => ({ members: await organisations.members(requireMember(request)) }),
  );

  app.patch(
    '/organisation/members/:userId',
    {
      schema: {
        tags,
        summary: 'Change a member’s role (admins only)',
        params: ZUserIdParams,
        body: ZChangeRoleBody,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await organisations.changeRole(requireAdmin(request), request.params.userId, request.body.role);
      return { ok: true as const };
    },
  );

  app.delete(
    '/organisation/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (admins only)',
        params: ZUserIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await organisations.removeMember(requireAdmin(request), request.params.userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/organisation/leave',
    {
      schema: {
        tags,
        summary: 'Leave the organisation you act for',
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireMember(request);
      await organisations.leave(actor);
      const next = (await organisations.listMine(actor.userId))[0]?.organisationId ?? null;
      await accounts.setActiveOrganisation(actor, next);
      return { ok: true as const };
    },
  );

  app.get(
    '/organisation/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations of your organisation (admins only)',
        response: { 200: ZInvitationList, ...errorResponses },
      },
    },
    async (request) => ({ invitations: await organisations.invitations(requireAdmin(request)) }),
  );

  app.post(
    '/organisation/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a colleague by link (admins only)',
        body: ZCreateInvitationBody,
        response: { 201: ZCreatedInvitation, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await organisations.createInvitation(requireAdmin(request), request.body)),
  );

  app.delete(
    '/organisation/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw an open invitation (admins only)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await organisations.revokeInvitation(requireAdmin(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for (no sign-in needed)',
        params: ZInvitationTokenParams,
        response: { 200: ZInvitationPreview, ...errorResponses },
      },
    },
    async (request) => organisations.previewInvitation(request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation as the signed-in user',
        params: ZInvitationTokenParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      const auth = requireUser(request);
      const organisationId = await organisations.acceptInvitation(auth, request.params.token);
      await accounts.setActiveOrganisation(auth, organisationId);
      return { ok: true as const };
    },
  );
}
