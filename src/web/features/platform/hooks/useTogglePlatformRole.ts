import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlatformRole } from '../../../../contracts/accounts.ts';
import type { AdminUser } from '../../../../contracts/platform.ts';
import { api, unwrap } from '../../../api/client.ts';
import { platformKeys } from './keys.ts';

type Change = { userId: string; role: PlatformRole; on: boolean };

/** Grants or revokes a platform role from the search result `q` shows. */
export function useTogglePlatformRole(q: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role, on }: Change) => {
      const params = { path: { id: userId, role } };
      return unwrap(
        on
          ? api.PUT('/admin/users/{id}/roles/{role}', { params })
          : api.DELETE('/admin/users/{id}/roles/{role}', { params }),
      );
    },
    // Show the change at once; a refused change (the last platform admin) is put back when the list reloads.
    onMutate: ({ userId, role, on }: Change) => {
      client.setQueryData<{ users: AdminUser[]; total: number }>(
        platformKeys.userSearch(q),
        (data) =>
          data && {
            ...data,
            users: data.users.map((u) =>
              u.id !== userId
                ? u
                : {
                    ...u,
                    platformRoles: on
                      ? [...u.platformRoles, role]
                      : u.platformRoles.filter((r) => r !== role),
                  },
            ),
          },
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: platformKeys.users() }),
  });
}
