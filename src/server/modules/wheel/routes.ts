import { z } from 'zod';
import {
  ZAnswer,
  ZCollaborationParams,
  ZRound,
  ZRoundParams,
  ZSaveAnswerBody,
  ZTopicParams,
  ZWorkspace,
} from '../../../contracts/collaborations.ts';
import { LOCALES } from '../../../domain/instrument/types.ts';
import { requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App, ComposeWorkspace } from '../../http/types.ts';
import type { WheelService } from './service.ts';

const tags = ['collaborations'];
const ZRevealed = z.object({ revealed: z.boolean() });

export function registerWheelRoutes(
  app: App,
  deps: { wheel: WheelService; workspace: ComposeWorkspace },
): void {
  const { wheel, workspace } = deps;

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
    async (request) => wheel.round(requireMember(request), request.params.id, request.params.number),
  );

  app.get(
    '/collaborations/:id/rounds/:number/report.pdf',
    {
      schema: {
        tags,
        summary:
          'The round as a PDF report: the wheel filled in, ratings side by side, answers, stage, agenda, all agreements, actions, and the self-assessment once it is revealed',
        params: ZRoundParams,
        querystring: z.object({ lang: z.enum(LOCALES).default('nl') }),
        produces: ['application/pdf'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const pdf = await wheel.report(
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
    async (request, reply) => {
      const actor = requireMember(request);
      await wheel.startRound(actor, request.params.id);
      return reply.code(201).send(await workspace(actor, request.params.id));
    },
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
      wheel.saveAnswer(requireMember(request), request.params.id, request.params.topicId, request.body),
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
    async (request) => wheel.submit(requireMember(request), request.params.id),
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
    async (request) => wheel.agreeToRevealEarly(requireMember(request), request.params.id),
  );
}
