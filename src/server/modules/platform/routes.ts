import { ZOk } from '../../../contracts/common.ts';
import { ZAdminUserList, ZAdminUsersQuery, ZRoleParams } from '../../../contracts/platform.ts';
import { requirePlatformRole } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { PlatformService } from './service.ts';

const tags = ['platform'];

export function registerPlatformRoutes(app: App, deps: { platform: PlatformService }): void {
  const { platform } = deps;

  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Accounts and their platform roles (platform admins only)',
        querystring: ZAdminUsersQuery,
        response: { 200: ZAdminUserList, ...errorResponses },
      },
    },
    async (request) => {
      requirePlatformRole(request, 'platform_admin');
      return platform.listUsers(request.query);
    },
  );

  app.put(
    '/admin/users/:id/roles/:role',
    {
      schema: {
        tags,
        summary: 'Grant a platform role',
        params: ZRoleParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      const auth = requirePlatformRole(request, 'platform_admin');
      await platform.grant(request.params.id, request.params.role, auth.userId);
      return { ok: true as const };
    },
  );

  app.delete(
    '/admin/users/:id/roles/:role',
    {
      schema: {
        tags,
        summary: 'Revoke a platform role',
        params: ZRoleParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      const auth = requirePlatformRole(request, 'platform_admin');
      await platform.revoke(request.params.id, request.params.role, auth.userId);
      return { ok: true as const };
    },
  );
}
