import { ZAuditPage, ZAuditQuery } from '../../../contracts/audit.ts';
import { requireAdmin, requirePlatformRole, requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { AuditLog } from './service.ts';

const tags = ['audit log'];

export function registerAuditRoutes(app: App, deps: { audit: AuditLog }): void {
  const { audit } = deps;
  const schema = (summary: string) => ({
    tags,
    summary,
    querystring: ZAuditQuery,
    response: { 200: ZAuditPage, ...errorResponses },
  });

  app.get(
    '/organisation/audit',
    { schema: schema('Security events of your organisation, newest first (admins)') },
    async (request) => audit.page({ organisationId: requireAdmin(request).organisation.id }, request.query),
  );

  app.get(
    '/me/audit',
    { schema: schema('Security events of your account (sign-ins, password, tokens), newest first') },
    async (request) => audit.page({ userId: requireUser(request).userId }, request.query),
  );

  app.get(
    '/admin/audit',
    { schema: schema('Every security event on the installation, newest first (platform admins)') },
    async (request) => {
      requirePlatformRole(request, 'platform_admin');
      return audit.page({ all: true }, request.query);
    },
  );
}
