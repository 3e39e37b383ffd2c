import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateActionBody } from '../../../../contracts/collaborations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Adds an action on a topic; the page's onSuccess (clearing its form) runs before the re-read. */
export function useCreateAction(collaborationId: string, options: { onSuccess?: () => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActionBody) =>
      unwrap(api.POST('/collaborations/{id}/actions', { params: { path: { id: collaborationId } }, body })),
    onSuccess: async () => {
      await options.onSuccess?.();
      await client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) });
    },
  });
}
