import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '../../../../contracts/organisations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

export function useChangeMemberRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MemberRole }) =>
      unwrap(api.PATCH('/organisation/members/{userId}', { params: { path: { userId } }, body: { role } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: organisationKeys.members() });
      await client.invalidateQueries({ queryKey: organisationKeys.invitations() });
    },
  });
}
