import { ZCollaborationParams } from '../../../contracts/collaborations.ts';
import {
  ZAddIndicatorBody,
  ZEnterValueBody,
  ZIndicatorLibrary,
  ZIndicatorParams,
  ZLedgerView,
  ZUpdateIndicatorBody,
  ZValueHistory,
  ZValueParams,
} from '../../../contracts/ledger.ts';
import { toCsv } from '../../../domain/export/csv.ts';
import { INDICATOR_LIBRARY } from '../../../domain/ledger/index.ts';
import { requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { LedgerService } from './service.ts';

const tags = ['impact ledger'];
const view = { 200: ZLedgerView, ...errorResponses };

export function registerLedgerRoutes(app: App, deps: { ledger: LedgerService }): void {
  const { ledger } = deps;

  app.get(
    '/instrument/indicators',
    {
      schema: {
        tags,
        summary: 'The indicator library for work integration: definition, unit, level, direction, IRIS+ code',
        response: { 200: ZIndicatorLibrary },
      },
    },
    async () => ({ indicators: [...INDICATOR_LIBRARY] }),
  );

  app.get(
    '/collaborations/:id/ledger',
    {
      schema: {
        tags,
        summary:
          'The collaboration’s indicators with targets, every partner’s values per period and progress',
        params: ZCollaborationParams,
        response: view,
      },
    },
    async (request) => ledger.view(requireMember(request), request.params.id),
  );

  app.post(
    '/collaborations/:id/ledger/indicators',
    {
      schema: {
        tags,
        summary: 'Choose an indicator of the library, or add your own',
        params: ZCollaborationParams,
        body: ZAddIndicatorBody,
        response: view,
      },
    },
    async (request) => ledger.addIndicator(requireMember(request), request.params.id, request.body),
  );

  app.patch(
    '/collaborations/:id/ledger/indicators/:indicatorId',
    {
      schema: {
        tags,
        summary: 'Set an indicator’s baseline and its targets per period (a null target removes it)',
        params: ZIndicatorParams,
        body: ZUpdateIndicatorBody,
        response: view,
      },
    },
    async (request) =>
      ledger.updateIndicator(
        requireMember(request),
        request.params.id,
        request.params.indicatorId,
        request.body,
      ),
  );

  app.delete(
    '/collaborations/:id/ledger/indicators/:indicatorId',
    {
      schema: {
        tags,
        summary: 'Remove an indicator that holds no values yet',
        params: ZIndicatorParams,
        response: view,
      },
    },
    async (request) =>
      ledger.removeIndicator(requireMember(request), request.params.id, request.params.indicatorId),
  );

  app.put(
    '/collaborations/:id/ledger/indicators/:indicatorId/values/:period',
    {
      schema: {
        tags,
        summary:
          'Enter your organisation’s value for a period (month or quarter); a second entry corrects it',
        params: ZValueParams,
        body: ZEnterValueBody,
        response: view,
      },
    },
    async (request) =>
      ledger.enterValue(
        requireMember(request),
        request.params.id,
        request.params.indicatorId,
        request.params.period,
        request.body,
      ),
  );

  app.get(
    '/collaborations/:id/ledger/indicators/:indicatorId/values/:period/history',
    {
      schema: {
        tags,
        summary: 'Every value entered for a period by any partner, corrections included',
        params: ZValueParams,
        response: { 200: ZValueHistory, ...errorResponses },
      },
    },
    async (request) =>
      ledger.history(
        requireMember(request),
        request.params.id,
        request.params.indicatorId,
        request.params.period,
      ),
  );

  app.get(
    '/collaborations/:id/ledger.csv',
    {
      schema: {
        tags,
        summary:
          'Every current value of every indicator as CSV, one row per partner and period, with the target and the IRIS+ code',
        params: ZCollaborationParams,
        produces: ['text/csv'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await ledger.view(requireMember(request), request.params.id);
      const nameOf = (id: string) =>
        view.partners.find((p) => p.organisationId === id)?.name || 'A former partner';
      const rows = view.indicators.flatMap((indicator) =>
        indicator.values.map((v) => [
          indicator.libraryId ?? indicator.id,
          indicator.label.en,
          indicator.label.nl,
          indicator.iris,
          indicator.unit.en,
          v.period,
          nameOf(v.organisationId),
          v.value,
          indicator.targets.find((t) => t.period === v.period)?.target ?? null,
          v.source,
          v.note,
          v.corrected,
          v.enteredAt,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="impact-ledger.csv"')
        .send(
          toCsv(
            [
              'indicator_id',
              'indicator_en',
              'indicator_nl',
              'iris',
              'unit',
              'period',
              'organisation',
              'value',
              'target',
              'source',
              'note',
              'corrected',
              'entered_at',
            ],
            rows,
            // A text body: no JSON schema to serialise it with, so the typed reply is bypassed on purpose.
          ) as never,
        );
    },
  );
}
