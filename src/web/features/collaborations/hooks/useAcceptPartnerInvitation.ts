import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Joins the collaboration; the page's onSuccess (opening it) runs once the list is read again. */
export function useAcceptPartnerInvitation(
  token: string,
  options: { onSuccess?: (accepted: { collaborationId: string }) => unknown } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/partner-invitations/{token}/accept', { params: { path: { token } } })),
    onSuccess: async (accepted) => {
      await client.invalidateQueries({ queryKey: collaborationKeys.list() });
      await options.onSuccess?.(accepted);
    },
  });
}
