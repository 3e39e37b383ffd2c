import { z } from 'zod';
import { ZPlatformRole } from './accounts.ts';
import { INT_MAX, zId, zText } from './common.ts';

export const ZAdminUser = z
  .object({
    id: zId,
    name: z.string(),
    email: z.string(),
    createdAt: z.string(),
    platformRoles: z.array(ZPlatformRole),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof ZAdminUser>;
export const ZAdminUserList = z.object({ users: z.array(ZAdminUser), total: z.number().int() });
export const ZAdminUsersQuery = z.object({
  q: zText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(INT_MAX).default(0),
});
export const ZRoleParams = z.object({ id: zId, role: ZPlatformRole });
