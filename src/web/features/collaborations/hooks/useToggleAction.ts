import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Ticks an action done or open again; the workspace is read again either way, so a refusal shows the truth. */
export function useToggleAction(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, done }: { actionId: string; done: boolean }) =>
      unwrap(
        api.PATCH('/collaborations/{id}/actions/{itemId}', {
          params: { path: { id: collaborationId, itemId: actionId } },
          body: { done },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }),
  });
}
