import {
  ZAcceptedCollaboration,
  ZCollaborationInvitationPreview,
  ZCollaborationParams,
  ZCreateCollaborationBody,
  ZCreateCollaborationInvitationBody,
  ZCreatedCollaborationInvitation,
  ZReceivedInvitations,
  ZUpdateCollaborationBody,
  ZUpdateRhythmBody,
  ZWorkspace,
} from '../../../contracts/collaborations.ts';
import { ZLangQuery, ZOk } from '../../../contracts/common.ts';
import { ZInvitationTokenParams } from '../../../contracts/organisations.ts';
import { type OrganisationActor, requireMember, requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App, ComposeWorkspace } from '../../http/types.ts';
import type { CollaborationsService } from './service.ts';

const tags = ['collaborations'];

export function registerCollaborationRoutes(
  app: App,
  deps: {
    collaborations: CollaborationsService;
    workspace: ComposeWorkspace;
    /** Tells the person at an invited address (notifications), once the invitation exists. */
    invited?: (invitation: {
      email: string;
      link: string;
      collaborationId: string;
      collaborationName: string;
      invitedBy: OrganisationActor;
    }) => Promise<void>;
  },
): void {
  const { collaborations, workspace } = deps;

  app.post(
    '/collaborations',
    {
      schema: {
        tags,
        summary: 'Start a collaboration; your organisation is its first partner and round 1 opens',
        body: ZCreateCollaborationBody,
        response: { 201: ZWorkspace, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireMember(request);
      const id = await collaborations.create(actor, request.body);
      return reply.code(201).send(await workspace(actor, id));
    },
  );

  app.patch(
    '/collaborations/:id',
    {
      schema: {
        tags,
        summary: 'Change name, purpose, start date or ambition',
        params: ZCollaborationParams,
        body: ZUpdateCollaborationBody,
        response: { 200: ZWorkspace, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireMember(request);
      await collaborations.update(actor, request.params.id, request.body);
      return workspace(actor, request.params.id);
    },
  );

  app.put(
    '/collaborations/:id/rhythm',
    {
      schema: {
        tags,
        summary: 'Plan the next conversation (date and time, place or video link) and the cadence of rounds',
        params: ZCollaborationParams,
        body: ZUpdateRhythmBody,
        response: { 200: ZWorkspace, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireMember(request);
      await collaborations.setRhythm(actor, request.params.id, request.body);
      return workspace(actor, request.params.id);
    },
  );

  app.get(
    '/collaborations/:id/next-conversation.ics',
    {
      schema: {
        tags,
        summary: 'The next conversation as a calendar file (.ics)',
        params: ZCollaborationParams,
        querystring: ZLangQuery,
        produces: ['text/calendar'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await collaborations.conversationCalendar(
        requireMember(request),
        request.params.id,
        request.query.lang,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="next-conversation.ics"')
        .send(file as never);
    },
  );

  app.post(
    '/collaborations/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive (admins of the starting organisation)',
        params: ZCollaborationParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await collaborations.archive(requireMember(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/collaborations/:id/leave',
    {
      schema: {
        tags,
        summary: 'Take your organisation out (admins)',
        params: ZCollaborationParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await collaborations.leave(requireMember(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/collaborations/:id/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite a partner organisation by link (admins); with an e-mail address, also tell the person there',
        params: ZCollaborationParams,
        body: ZCreateCollaborationInvitationBody,
        response: { 201: ZCreatedCollaborationInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireMember(request);
      const { invitationId, collaborationName, ...created } = await collaborations.invite(
        actor,
        request.params.id,
        request.body?.email,
      );
      if (created.sentTo)
        await deps.invited?.({
          email: created.sentTo,
          link: created.link,
          collaborationId: request.params.id,
          collaborationName,
          invitedBy: actor,
        });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/me/partner-invitations',
    {
      schema: {
        tags,
        summary: 'Open partner invitations sent to your e-mail address',
        response: { 200: ZReceivedInvitations, ...errorResponses },
      },
    },
    async (request) => ({ invitations: await collaborations.received(requireUser(request).email) }),
  );

  app.post(
    '/me/partner-invitations/:id/accept',
    {
      schema: {
        tags,
        summary: 'Join with the organisation you act for, from an invitation sent to your address (admins)',
        params: ZCollaborationParams,
        response: { 200: ZAcceptedCollaboration, ...errorResponses },
      },
    },
    async (request) => ({
      collaborationId: await collaborations.answerReceived(requireMember(request), request.params.id, true),
    }),
  );

  app.post(
    '/me/partner-invitations/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline an invitation sent to your address (admins)',
        params: ZCollaborationParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await collaborations.answerReceived(requireMember(request), request.params.id, false);
      return { ok: true as const };
    },
  );

  app.get(
    '/partner-invitations/:token',
    {
      schema: {
        tags,
        summary: 'What a partner invitation is for',
        params: ZInvitationTokenParams,
        response: { 200: ZCollaborationInvitationPreview, ...errorResponses },
      },
    },
    async (request) => collaborations.previewInvitation(request.params.token),
  );

  app.post(
    '/partner-invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Join the collaboration with the organisation you act for (admins)',
        params: ZInvitationTokenParams,
        response: { 200: ZAcceptedCollaboration, ...errorResponses },
      },
    },
    async (request) => ({
      collaborationId: await collaborations.answerInvitation(
        requireMember(request),
        request.params.token,
        true,
      ),
    }),
  );

  app.post(
    '/partner-invitations/:token/decline',
    {
      schema: {
        tags,
        summary: 'Decline a partner invitation (admins)',
        params: ZInvitationTokenParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await collaborations.answerInvitation(requireMember(request), request.params.token, false);
      return { ok: true as const };
    },
  );
}
