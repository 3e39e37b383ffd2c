import {
  ZAction,
  ZActionList,
  ZAgreement,
  ZApproveAgreementBody,
  ZCollaborationParams,
  ZCreateActionBody,
  ZCreateAgreementBody,
  ZItemParams,
  ZUpdateActionBody,
  ZUpdateAgreementBody,
} from '../../../contracts/collaborations.ts';
import { ZErrorResponse, ZLangQuery, ZOk } from '../../../contracts/common.ts';
import { toCsv } from '../../../domain/export/csv.ts';
import { subjectLabel } from '../../../domain/process/subject.ts';
import { requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { FollowUpService } from './service.ts';

const tags = ['collaborations'];

export function registerFollowUpRoutes(app: App, deps: { followUp: FollowUpService }): void {
  const { followUp } = deps;

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
        .send(await followUp.createAgreement(requireMember(request), request.params.id, request.body)),
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
      followUp.updateAgreement(
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
      await followUp.deleteAgreement(requireMember(request), request.params.id, request.params.itemId);
      return { ok: true as const };
    },
  );

  app.post(
    '/collaborations/:id/agreements/:itemId/approval',
    {
      schema: {
        tags,
        summary:
          'Agree to the agreement on behalf of your organisation; a text changed since your version answers 409',
        params: ZItemParams,
        body: ZApproveAgreementBody,
        response: {
          200: ZAgreement,
          ...errorResponses,
          409: ZErrorResponse.extend({ current: ZAgreement.optional() }),
        },
      },
    },
    async (request) =>
      followUp.approveAgreement(
        requireMember(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );

  app.delete(
    '/collaborations/:id/agreements/:itemId/approval',
    {
      schema: {
        tags,
        summary: 'Withdraw your organisation’s agreement',
        params: ZItemParams,
        response: { 200: ZAgreement, ...errorResponses },
      },
    },
    async (request) =>
      followUp.withdrawApproval(requireMember(request), request.params.id, request.params.itemId),
  );

  app.get(
    '/collaborations/:id/agreements.csv',
    {
      schema: {
        tags,
        summary: 'The agreements overview as CSV: topic, text, date and which partners agreed',
        params: ZCollaborationParams,
        produces: ['text/csv'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { agreements, partners } = await followUp.overview(requireMember(request), request.params.id);
      const nameOf = (id: string) =>
        partners.find((p) => p.organisationId === id)?.name || 'A former partner';
      const rows = agreements.map((a) => [
        a.topicId ?? a.deliverableId,
        subjectLabel(a, 'en'),
        subjectLabel(a, 'nl'),
        a.text,
        a.agreedOn,
        a.approvals.map((x) => nameOf(x.organisationId)).join('; '),
        partners
          .filter((p) => !p.left && !a.approvals.some((x) => x.organisationId === p.organisationId))
          .map((p) => p.name)
          .join('; '),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="agreements.csv"')
        .send(
          toCsv(
            ['topic_id', 'topic_en', 'topic_nl', 'agreement', 'agreed_on', 'agreed_by', 'not_yet_agreed_by'],
            rows,
          ) as never,
        );
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
    async (request) => ({ actions: await followUp.actions(requireMember(request), request.params.id) }),
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
        .send(await followUp.createAction(requireMember(request), request.params.id, request.body)),
  );

  app.patch(
    '/collaborations/:id/actions/:itemId',
    {
      schema: {
        tags,
        summary: 'Change an action or mark it done; an outdated version answers 409 with the current action',
        params: ZItemParams,
        body: ZUpdateActionBody,
        response: {
          200: ZAction,
          ...errorResponses,
          409: ZErrorResponse.extend({ current: ZAction.optional() }),
        },
      },
    },
    async (request) =>
      followUp.updateAction(requireMember(request), request.params.id, request.params.itemId, request.body),
  );

  app.get(
    '/collaborations/:id/actions/:itemId/calendar.ics',
    {
      schema: {
        tags,
        summary: 'An action with a due date as a calendar file (.ics), an all-day entry on that date',
        params: ZItemParams,
        querystring: ZLangQuery,
        produces: ['text/calendar'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const file = await followUp.actionCalendar(requireMember(request), id, itemId, request.query.lang);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="action.ics"')
        .send(file as never);
    },
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
      await followUp.deleteAction(requireMember(request), request.params.id, request.params.itemId);
      return { ok: true as const };
    },
  );
}
