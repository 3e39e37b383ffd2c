import { z } from 'zod';
import { ZAssessment, ZPartneringProcess, ZWheel } from '../../../contracts/instrument.ts';
import { ZHealth } from '../../../contracts/system.ts';
import { assessment, LOCALES, partneringProcess, wheel } from '../../../domain/instrument/index.ts';
import { CANVAS_SIZES } from '../../../domain/vocabulary.ts';
import { type Database, ping } from '../../db/client.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import { VERSION } from '../../version.ts';
import { renderCanvas } from './canvas.ts';

export function registerSystemRoutes(app: App, deps: { database: Database }): void {
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: ZHealth } } },
    async () => {
      await ping(deps.database.db);
      return { status: 'ok' as const, database: deps.database.kind, version: VERSION };
    },
  );

  const instrument = { tags: ['instrument'] };
  app.get(
    '/instrument/wheel',
    {
      schema: {
        ...instrument,
        summary: 'The Impact through Collaboration wheel: 21 topics',
        response: { 200: ZWheel },
      },
    },
    async () => wheel,
  );
  app.get(
    '/instrument/assessment',
    {
      schema: {
        ...instrument,
        summary: 'The twelve-statement collaboration self-assessment',
        response: { 200: ZAssessment },
      },
    },
    async () => assessment,
  );
  app.get(
    '/instrument/process',
    {
      schema: {
        ...instrument,
        summary: 'The four-step partnering process',
        response: { 200: ZPartneringProcess },
      },
    },
    async () => partneringProcess,
  );

  // Four documents in all, the same for everyone: each is drawn once and kept.
  const canvases = new Map<string, Promise<Buffer>>();
  app.get(
    '/instrument/canvas.pdf',
    {
      schema: {
        ...instrument,
        summary:
          'The empty wheel with every topic’s guiding question, to print for a session on paper (A4: two pages, A3: one)',
        querystring: z.object({
          size: z.enum(CANVAS_SIZES).default('a4'),
          lang: z.enum(LOCALES).default('nl'),
        }),
        produces: ['application/pdf'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { size, lang } = request.query;
      const key = `${size}-${lang}`;
      if (!canvases.has(key)) canvases.set(key, renderCanvas(size, lang));
      const pdf = await canvases.get(key)!;
      return (
        reply
          .type('application/pdf')
          // Public and unchanging within a version: unlike the API's other answers, a browser may keep it.
          .header('cache-control', 'public, max-age=86400')
          .header('content-disposition', `attachment; filename="impact-wheel-canvas-${size}-${lang}.pdf"`)
          // A binary body: no JSON schema to serialise it with, so the typed reply is bypassed on purpose.
          .send(pdf as never)
      );
    },
  );
}
