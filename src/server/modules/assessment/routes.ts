import { z } from 'zod';
import { ZAssessmentView, ZSaveAssessmentBody } from '../../../contracts/assessment.ts';
import { ZCollaborationParams } from '../../../contracts/collaborations.ts';
import { INT_MAX } from '../../../contracts/common.ts';
import { requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { AssessmentService } from './service.ts';

const tags = ['self-assessment'];

export function registerAssessmentRoutes(app: App, deps: { assessment: AssessmentService }): void {
  const { assessment } = deps;

  app.get(
    '/collaborations/:id/assessment',
    {
      schema: {
        tags,
        summary:
          'The self-assessment of a round (default: the current one); partners’ answers and results after the reveal',
        params: ZCollaborationParams,
        querystring: z.object({ round: z.coerce.number().int().min(1).max(INT_MAX).optional() }),
        response: { 200: ZAssessmentView, ...errorResponses },
      },
    },
    async (request) => assessment.view(requireMember(request), request.params.id, request.query.round),
  );

  app.put(
    '/collaborations/:id/assessment',
    {
      schema: {
        tags,
        summary:
          'Save your organisation’s draft answers, impact ambitions and partnership ambition for the current round',
        params: ZCollaborationParams,
        body: ZSaveAssessmentBody,
        response: { 200: ZAssessmentView, ...errorResponses },
      },
    },
    async (request) => assessment.save(requireMember(request), request.params.id, request.body),
  );

  app.post(
    '/collaborations/:id/assessment/submit',
    {
      schema: {
        tags,
        summary:
          'Submit your organisation’s self-assessment (editable until it is revealed); what is sent with it is saved first',
        params: ZCollaborationParams,
        body: ZSaveAssessmentBody.nullish(),
        response: { 200: ZAssessmentView, ...errorResponses },
      },
    },
    async (request) =>
      assessment.submit(requireMember(request), request.params.id, request.body ?? undefined),
  );

  app.post(
    '/collaborations/:id/assessment/reveal-early',
    {
      schema: {
        tags,
        summary: 'Agree to reveal the self-assessment before every partner submitted (RULES.md)',
        params: ZCollaborationParams,
        response: { 200: ZAssessmentView, ...errorResponses },
      },
    },
    async (request) => assessment.revealEarly(requireMember(request), request.params.id),
  );
}
