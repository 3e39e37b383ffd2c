import { z } from 'zod';
import {
  ZAcceptedCollaboration,
  ZAction,
  ZActionList,
  ZAgreement,
  ZAnswer,
  ZCollaborationInvitationPreview,
  ZCollaborationList,
  ZCollaborationParams,
  ZCreateActionBody,
  ZCreateAgreementBody,
  ZCreateCollaborationBody,
  ZCreatedCollaborationInvitation,
  ZItemParams,
  ZRound,
  ZRoundParams,
  ZSaveAnswerBody,
  ZTopicParams,
  ZUpdateActionBody,
  ZUpdateAgreementBody,
  ZUpdateCollaborationBody,
  ZWorkspace,
} from '../../../contracts/collaborations.ts';
import { ZErrorResponse, ZOk } from '../../../contracts/common.ts';
import { ZInvitationTokenParams } from '../../../contracts/organisations.ts';
import { requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { CollaborationsService } from './service.ts';

const tags = ['collaborations'];
const ZRevealed = z.object({ revealed: z.boolean() });

export function registerCollaborationRoutes(app: App, deps: { collaborations: CollaborationsService }): void {
  const { collaborations } = deps;

  app.get(
    '/collaborations',
    {
      schema: {
        tags,
        summary: 'Collaborations of your organisation',
        response: { 200: ZCollaborationList, ...errorResponses },
      },
    },
    async (request) => ({ collaborations: await collaborations.list(requireMember(request)) }),
  );

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
    async (request, reply) =>
      reply.code(201).send(await collaborations.create(requireMember(request), request.body)),
  );

  app.get(
    '/collaborations/:id',
    {
      schema: {
        tags,
        summary:
          'Everything for the wheel page: partners, current round, stage, agenda, agreements, actions, timeline',
        params: ZCollaborationParams,
        response: { 200: ZWorkspace, ...errorResponses },
      },
    },
    async (request) => collaborations.workspace(requireMember(request), request.params.id),
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
    async (request) => collaborations.update(requireMember(request), request.params.id, request.body),
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
        summary: 'Invite a partner organisation by link (admins)',
        params: ZCollaborationParams,
        response: { 201: ZCreatedCollaborationInvitation, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await collaborations.invite(requireMember(request), request.params.id)),
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

  app.get(
    '/collaborations/:id/rounds/:number',
    {
      schema: {
        tags,
        summary: 'One round: your answers, and everyone’s once revealed',
        params: ZRoundParams,
        response: { 200: ZRound, ...errorResponses },
      },
    },
    async (request) => collaborations.round(requireMember(request), request.params.id, request.params.number),
  );

  app.get(
    '/collaborations/:id/rounds/:number/report.pdf',
    {
      schema: {
        tags,
        summary:
          'The round as a PDF report (wheel, ratings side by side, answers, agreements, actions, stage)',
        params: ZRoundParams,
        querystring: z.object({ lang: z.enum(['nl', 'en']).default('nl') }),
        produces: ['application/pdf'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const pdf = await collaborations.report(
        requireMember(request),
        request.params.id,
        request.params.number,
        request.query.lang,
      );
      return (
        reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="impact-wheel-round-${request.params.number}.pdf"`,
          )
          // A binary body: no JSON schema to serialise it with, so the typed reply is bypassed on purpose.
          .send(pdf as never)
      );
    },
  );

  app.post(
    '/collaborations/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Start a new round once the current one is revealed',
        params: ZCollaborationParams,
        response: { 201: ZWorkspace, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await collaborations.startRound(requireMember(request), request.params.id)),
  );

  app.put(
    '/collaborations/:id/answers/:topicId',
    {
      schema: {
        tags,
        summary:
          'Save your organisation’s rating and answer for a topic in the current round (private until the reveal)',
        params: ZTopicParams,
        body: ZSaveAnswerBody,
        response: { 200: ZAnswer, ...errorResponses },
      },
    },
    async (request) =>
      collaborations.saveAnswer(
        requireMember(request),
        request.params.id,
        request.params.topicId,
        request.body,
      ),
  );

  app.post(
    '/collaborations/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit your organisation’s answers for the current round',
        params: ZCollaborationParams,
        response: { 200: ZRevealed, ...errorResponses },
      },
    },
    async (request) => collaborations.submit(requireMember(request), request.params.id),
  );

  app.post(
    '/collaborations/:id/reveal-early',
    {
      schema: {
        tags,
        summary:
          'Agree to reveal the current round before everyone submitted; it reveals when all partners agree',
        params: ZCollaborationParams,
        response: { 200: ZRevealed, ...errorResponses },
      },
    },
    async (request) => collaborations.agreeToRevealEarly(requireMember(request), request.params.id),
  );

  app.post(
    '/collaborations/:id/agreements',
    {
      schema: {
        tags,
        summary: 'Record an agreement on a topic',
        params: ZCollaborationParams,
        body: ZCreateAgreementBody,
        response: { 201: ZAgreement, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await collaborations.createAgreement(requireMember(request), request.params.id, request.body)),
  );

  app.patch(
    '/collaborations/:id/agreements/:itemId',
    {
      schema: {
        tags,
        summary: 'Change an agreement; an outdated version answers 409 with the current text',
        params: ZItemParams,
        body: ZUpdateAgreementBody,
        response: {
          200: ZAgreement,
          ...errorResponses,
          409: ZErrorResponse.extend({ current: ZAgreement.optional() }),
        },
      },
    },
    async (request) =>
      collaborations.updateAgreement(
        requireMember(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );

  app.delete(
    '/collaborations/:id/agreements/:itemId',
    {
      schema: {
        tags,
        summary: 'Delete an agreement',
        params: ZItemParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await collaborations.deleteAgreement(requireMember(request), request.params.id, request.params.itemId);
      return { ok: true as const };
    },
  );

  app.get(
    '/collaborations/:id/actions',
    {
      schema: {
        tags,
        summary: 'All actions of the collaboration: open first, overdue first',
        params: ZCollaborationParams,
        response: { 200: ZActionList, ...errorResponses },
      },
    },
    async (request) => ({ actions: await collaborations.actions(requireMember(request), request.params.id) }),
  );

  app.post(
    '/collaborations/:id/actions',
    {
      schema: {
        tags,
        summary: 'Add an action to a topic',
        params: ZCollaborationParams,
        body: ZCreateActionBody,
        response: { 201: ZAction, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await collaborations.createAction(requireMember(request), request.params.id, request.body)),
  );

  app.patch(
    '/collaborations/:id/actions/:itemId',
    {
      schema: {
        tags,
        summary: 'Change an action or mark it done',
        params: ZItemParams,
        body: ZUpdateActionBody,
        response: { 200: ZAction, ...errorResponses },
      },
    },
    async (request) =>
      collaborations.updateAction(
        requireMember(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );

  app.delete(
    '/collaborations/:id/actions/:itemId',
    {
      schema: {
        tags,
        summary: 'Delete an action',
        params: ZItemParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await collaborations.deleteAction(requireMember(request), request.params.id, request.params.itemId);
      return { ok: true as const };
    },
  );
}
