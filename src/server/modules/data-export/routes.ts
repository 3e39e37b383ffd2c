import { requireAdmin } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { DataExportService } from './service.ts';

const tags = ['data export'];

export function registerDataExportRoutes(app: App, deps: { dataExport: DataExportService }): void {
  const { dataExport } = deps;

  app.get(
    '/organisation/export.zip',
    {
      schema: {
        tags,
        summary:
          'Everything your organisation holds, as JSON and CSV in a zip (admins): profile, members, collaborations with your answers and the revealed ones, self-assessments, agreements, actions, programmes',
        produces: ['application/zip'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await dataExport.organisation(requireAdmin(request));
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('content-length', file.zip.byteLength)
        .send(Buffer.from(file.zip) as never);
    },
  );
}
