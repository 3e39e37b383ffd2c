import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/organisation/members/{userId}', { params: { path: { userId } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: organisationKeys.members() });
      await client.invalidateQueries({ queryKey: organisationKeys.invitations() });
    },
  });
}
