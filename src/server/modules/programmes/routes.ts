import { z } from 'zod';
import { ZCollaborationParams } from '../../../contracts/collaborations.ts';
import { ZOk } from '../../../contracts/common.ts';
import { ZInvitationTokenParams } from '../../../contracts/organisations.ts';
import {
  ZCohort,
  ZCohortPublication,
  ZCohortQuery,
  ZConsentBody,
  ZCreatedProgrammeInvitation,
  ZCreateProgrammeBody,
  ZCreateProgrammeInvitationBody,
  ZMyProgrammes,
  ZProgramme,
  ZProgrammeDetail,
  ZProgrammeInvitationPreview,
  ZProgrammeList,
  ZReceivedProgrammeInvitations,
} from '../../../contracts/programmes.ts';
import { toCsv } from '../../../domain/export/csv.ts';
import { assessment } from '../../../domain/instrument/assessment.ts';
import { type AuthContext, requireMember, requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { ProgrammesService } from './service.ts';

const tags = ['programmes'];

export function registerProgrammeRoutes(
  app: App,
  deps: {
    programmes: ProgrammesService;
    /** Tells the person at an invited address (notifications), once the invitation exists. */
    invited?: (invitation: {
      email: string;
      link: string;
      programmeId: string;
      programmeName: string;
      invitedBy: AuthContext;
    }) => Promise<void>;
  },
): void {
  const { programmes } = deps;
  const params = ZCollaborationParams;

  app.get(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Your programmes (facilitators)',
        response: { 200: ZProgrammeList, ...errorResponses },
      },
    },
    async (request) => ({ programmes: await programmes.list(requireUser(request)) }),
  );

  app.post(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Create a programme (facilitators)',
        body: ZCreateProgrammeBody,
        response: { 201: ZProgramme, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await programmes.create(requireUser(request), request.body)),
  );

  app.get(
    '/programmes/:id',
    {
      schema: {
        tags,
        summary: 'A programme with its members and their consent',
        params,
        response: { 200: ZProgrammeDetail, ...errorResponses },
      },
    },
    async (request) => programmes.detail(requireUser(request), request.params.id),
  );

  app.post(
    '/programmes/:id/invitations',
    {
      schema: {
        tags,
        summary:
          'A link organisations use to join the programme; with an e-mail address, also tell the person there',
        params,
        body: ZCreateProgrammeInvitationBody,
        response: { 201: ZCreatedProgrammeInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = requireUser(request);
      const { programmeName, ...created } = await programmes.invite(
        auth,
        request.params.id,
        request.body?.email,
      );
      if (created.sentTo)
        await deps.invited?.({
          email: created.sentTo,
          link: created.link,
          programmeId: request.params.id,
          programmeName,
          invitedBy: auth,
        });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/me/programme-invitations',
    {
      schema: {
        tags,
        summary: 'Open programme invitations sent to your e-mail address',
        response: { 200: ZReceivedProgrammeInvitations, ...errorResponses },
      },
    },
    async (request) => ({ invitations: await programmes.received(requireUser(request).email) }),
  );

  app.post(
    '/me/programme-invitations/:id/join',
    {
      schema: {
        tags,
        summary: 'Join with the organisation you act for, from an invitation sent to your address (admins)',
        params,
        response: { 200: z.object({ programmeId: z.uuid() }), ...errorResponses },
      },
    },
    async (request) => ({
      programmeId: await programmes.joinReceived(requireMember(request), request.params.id),
    }),
  );

  app.get(
    '/programmes/:id/cohort',
    {
      schema: {
        tags,
        summary:
          'The cohort chart’s figures: answers per statement of consenting organisations; small groups hidden',
        params,
        querystring: ZCohortQuery,
        response: { 200: ZCohort, ...errorResponses },
      },
    },
    async (request) => programmes.cohort(requireUser(request), request.params.id, request.query),
  );

  app.post(
    '/programmes/:id/cohort/publications',
    {
      schema: {
        tags,
        summary:
          'Publish new cohort figures: needs five assessments added or withdrawn since the last publication',
        params,
        response: { 201: ZCohortPublication, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await programmes.publishCohort(requireUser(request), request.params.id)),
  );

  app.get(
    '/programmes/:id/cohort.csv',
    {
      schema: {
        tags,
        summary:
          'The aggregate counts as CSV; rows with fewer than five respondents say so instead of counting',
        params,
        querystring: ZCohortQuery,
        produces: ['text/csv'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const cohort = await programmes.cohort(requireUser(request), request.params.id, request.query);
      const header = ['statement_id', 'statement_en', 'statement_nl', 'n', '1', '2', '3', '4', '5'];
      const rows = cohort.statements.map((s) => {
        const item = assessment.items.find((i) => i.id === s.itemId)!;
        const counts = s.counts ?? Array(5).fill('too few answers to show');
        return [s.itemId, item.statement.en, item.statement.nl, s.n ?? 'too few answers to show', ...counts];
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cohort.csv"')
        .send(toCsv(header, rows) as never);
    },
  );

  app.get(
    '/programme-invitations/:token',
    {
      schema: {
        tags,
        summary: 'What a programme invitation is for',
        params: ZInvitationTokenParams,
        response: { 200: ZProgrammeInvitationPreview, ...errorResponses },
      },
    },
    async (request) => programmes.preview(request.params.token),
  );

  app.post(
    '/programme-invitations/:token/join',
    {
      schema: {
        tags,
        summary:
          'Join the programme with the organisation you act for (admins); nothing is shared until you consent',
        params: ZInvitationTokenParams,
        response: { 200: z.object({ programmeId: z.uuid() }), ...errorResponses },
      },
    },
    async (request) => ({ programmeId: await programmes.join(requireMember(request), request.params.token) }),
  );

  app.get(
    '/organisation/programmes',
    {
      schema: {
        tags,
        summary: 'Programmes your organisation takes part in, with your consent',
        response: { 200: ZMyProgrammes, ...errorResponses },
      },
    },
    async (request) => ({ programmes: await programmes.ofOrganisation(requireMember(request)) }),
  );

  app.put(
    '/organisation/programmes/:id/consent',
    {
      schema: {
        tags,
        summary:
          'Give or withdraw consent to share your submitted self-assessments with a programme (admins)',
        params,
        body: ZConsentBody,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await programmes.setConsent(requireMember(request), request.params.id, request.body.consent);
      return { ok: true as const };
    },
  );
}
