import { ZAssessment, ZPartneringProcess, ZWheel } from '../../../contracts/instrument.ts';
import { ZHealth } from '../../../contracts/system.ts';
import { assessment, partneringProcess, wheel } from '../../../domain/instrument/index.ts';
import { type Database, ping } from '../../db/client.ts';
import type { App } from '../../http/types.ts';
import { VERSION } from '../../version.ts';

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
}
