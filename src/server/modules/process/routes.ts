import { z } from 'zod';
import { ZCollaborationParams } from '../../../contracts/collaborations.ts';
import {
  ZCheckParams,
  ZCreatePilotBody,
  ZCriterionParams,
  ZCycleQuery,
  ZDecisionBody,
  ZDeliverableParams,
  ZDeliverableVersions,
  ZImportResult,
  ZMeasurementBody,
  ZNewCycleBody,
  ZPilotParams,
  ZProcessExport,
  ZProcessView,
  ZSaveChecksBody,
  ZSaveDeliverableBody,
  ZSignOffBody,
  ZUpdatePilotBody,
} from '../../../contracts/process.ts';
import { LOCALES } from '../../../domain/vocabulary.ts';
import { requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import { processExport, renderProcessPdf } from './documents.ts';
import type { ProcessService } from './service.ts';

const tags = ['partnering process'];
const view = { 200: ZProcessView, ...errorResponses };

/** Every write answers with the whole process view, so the tab shows the new state without a second request. */
export function registerProcessRoutes(app: App, deps: { process: ProcessService }): void {
  const { process } = deps;

  app.get(
    '/collaborations/:id/process',
    {
      schema: {
        tags,
        summary:
          'The partnering process of a cycle (default: the current one): steps, deliverables, checks, pilots, decision',
        params: ZCollaborationParams,
        querystring: ZCycleQuery,
        response: view,
      },
    },
    async (request) => process.view(requireMember(request), request.params.id, request.query.cycle),
  );

  app.put(
    '/collaborations/:id/process/deliverables/:deliverableId',
    {
      schema: {
        tags,
        summary: 'Save a new version of a deliverable of the current cycle; its sign-offs no longer count',
        params: ZDeliverableParams,
        body: ZSaveDeliverableBody,
        response: view,
      },
    },
    async (request) =>
      process.saveDeliverable(
        requireMember(request),
        request.params.id,
        request.params.deliverableId,
        request.body,
      ),
  );

  app.post(
    '/collaborations/:id/process/deliverables/:deliverableId/sign-off',
    {
      schema: {
        tags,
        summary: 'Sign off a version of a deliverable for your organisation; a newer version answers 409',
        params: ZDeliverableParams,
        body: ZSignOffBody,
        response: view,
      },
    },
    async (request) =>
      process.signOff(
        requireMember(request),
        request.params.id,
        request.params.deliverableId,
        request.body.version,
      ),
  );

  app.delete(
    '/collaborations/:id/process/deliverables/:deliverableId/sign-off',
    {
      schema: {
        tags,
        summary: 'Withdraw your organisation’s sign-off',
        params: ZDeliverableParams,
        response: view,
      },
    },
    async (request) =>
      process.withdrawSignOff(requireMember(request), request.params.id, request.params.deliverableId),
  );

  app.get(
    '/collaborations/:id/process/deliverables/:deliverableId/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a deliverable in a cycle, newest first, with who changed what',
        params: ZDeliverableParams,
        querystring: ZCycleQuery,
        response: { 200: ZDeliverableVersions, ...errorResponses },
      },
    },
    async (request) =>
      process.versions(
        requireMember(request),
        request.params.id,
        request.params.deliverableId,
        request.query.cycle,
      ),
  );

  app.put(
    '/collaborations/:id/process/checks/:moment',
    {
      schema: {
        tags,
        summary: 'Save your organisation’s draft answers to the appropriateness and readiness checks',
        params: ZCheckParams,
        body: ZSaveChecksBody,
        response: view,
      },
    },
    async (request) =>
      process.saveChecks(requireMember(request), request.params.id, request.params.moment, request.body),
  );

  app.post(
    '/collaborations/:id/process/checks/:moment/submit',
    {
      schema: {
        tags,
        summary: 'Submit your checks; they are revealed together by the rule of the wheel (RULES.md)',
        params: ZCheckParams,
        body: ZSaveChecksBody.nullish(),
        response: view,
      },
    },
    async (request) =>
      process.submitChecks(
        requireMember(request),
        request.params.id,
        request.params.moment,
        request.body ?? undefined,
      ),
  );

  app.post(
    '/collaborations/:id/process/checks/:moment/reveal-early',
    {
      schema: {
        tags,
        summary: 'Agree to reveal the checks before every partner submitted',
        params: ZCheckParams,
        response: view,
      },
    },
    async (request) =>
      process.revealChecksEarly(requireMember(request), request.params.id, request.params.moment),
  );

  app.post(
    '/collaborations/:id/process/pilots',
    {
      schema: {
        tags,
        summary: 'Plan a pilot in the current cycle',
        params: ZCollaborationParams,
        body: ZCreatePilotBody,
        response: view,
      },
    },
    async (request) => process.createPilot(requireMember(request), request.params.id, request.body),
  );

  app.patch(
    '/collaborations/:id/process/pilots/:pilotId',
    {
      schema: {
        tags,
        summary: 'Change a pilot of the current cycle: its plan, period, participants or results',
        params: ZPilotParams,
        body: ZUpdatePilotBody,
        response: view,
      },
    },
    async (request) =>
      process.updatePilot(requireMember(request), request.params.id, request.params.pilotId, request.body),
  );

  app.delete(
    '/collaborations/:id/process/pilots/:pilotId',
    {
      schema: { tags, summary: 'Remove a pilot of the current cycle', params: ZPilotParams, response: view },
    },
    async (request) => process.deletePilot(requireMember(request), request.params.id, request.params.pilotId),
  );

  app.put(
    '/collaborations/:id/process/measurements/:criterionId',
    {
      schema: {
        tags,
        summary: 'Enter the measured value of a go/no-go criterion',
        params: ZCriterionParams,
        body: ZMeasurementBody,
        response: view,
      },
    },
    async (request) =>
      process.measure(requireMember(request), request.params.id, request.params.criterionId, request.body),
  );

  app.put(
    '/collaborations/:id/process/decision',
    {
      schema: {
        tags,
        summary:
          'Your organisation’s choice to scale, adjust or stop; the decision stands once all partners agree',
        params: ZCollaborationParams,
        body: ZDecisionBody,
        response: view,
      },
    },
    async (request) => process.vote(requireMember(request), request.params.id, request.body),
  );

  app.delete(
    '/collaborations/:id/process/decision',
    {
      schema: {
        tags,
        summary: 'Withdraw your organisation’s choice',
        params: ZCollaborationParams,
        response: view,
      },
    },
    async (request) => process.withdrawVote(requireMember(request), request.params.id),
  );

  app.post(
    '/collaborations/:id/process/cycles',
    {
      schema: {
        tags,
        summary: 'Start the next plan-do-check-act cycle, carrying every deliverable forward as a draft',
        params: ZCollaborationParams,
        body: ZNewCycleBody.nullish(),
        response: view,
      },
    },
    async (request) => process.startCycle(requireMember(request), request.params.id, request.body ?? {}),
  );

  app.get(
    '/collaborations/:id/process/export.json',
    {
      schema: {
        tags,
        summary: 'The whole process (or one cycle) as JSON, as you see it; import it elsewhere as a template',
        params: ZCollaborationParams,
        querystring: ZCycleQuery,
        response: { 200: ZProcessExport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await process.documented(requireMember(request), request.params.id, request.query.cycle);
      return reply
        .header('content-disposition', 'attachment; filename="impact-wheel-process.json"')
        .send(processExport(data));
    },
  );

  app.get(
    '/collaborations/:id/process/export.pdf',
    {
      schema: {
        tags,
        summary: 'The whole process (or one cycle) as a PDF in the reader’s language',
        params: ZCollaborationParams,
        querystring: ZCycleQuery.extend({ lang: z.enum(LOCALES).default('nl') }),
        produces: ['application/pdf'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await process.documented(requireMember(request), request.params.id, request.query.cycle);
      const pdf = await renderProcessPdf(data, request.query.lang);
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="impact-wheel-process.pdf"')
          // A binary body: no JSON schema to serialise it with, so the typed reply is bypassed on purpose.
          .send(pdf as never)
      );
    },
  );

  app.post(
    '/collaborations/:id/process/import',
    {
      schema: {
        tags,
        summary:
          'Start from an exported process: its last cycle’s deliverables become drafts where the current cycle is still empty',
        params: ZCollaborationParams,
        body: ZProcessExport,
        response: { 200: ZImportResult, ...errorResponses },
      },
    },
    async (request) => process.importTemplate(requireMember(request), request.params.id, request.body),
  );
}
