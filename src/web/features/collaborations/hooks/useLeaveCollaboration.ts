import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Our organisation leaves the collaboration; the page's onSuccess runs once the list is read again. */
export function useLeaveCollaboration(collaborationId: string, options: { onSuccess?: () => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/collaborations/{id}/leave', { params: { path: { id: collaborationId } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: collaborationKeys.list() });
      await options.onSuccess?.();
    },
  });
}
