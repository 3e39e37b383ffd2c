import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/organisation/invitations/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: organisationKeys.members() });
      await client.invalidateQueries({ queryKey: organisationKeys.invitations() });
    },
  });
}
