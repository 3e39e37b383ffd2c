import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/**
 * Ticks an action done or open again, for the version on screen: if someone changed it meanwhile the API
 * answers 409 and nothing is overwritten. The workspace is read again either way, so the screen shows the truth.
 */
export function useToggleAction(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, done, version }: { actionId: string; done: boolean; version: number }) =>
      unwrap(
        api.PATCH('/collaborations/{id}/actions/{itemId}', {
          params: { path: { id: collaborationId, itemId: actionId } },
          body: { done, version },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }),
  });
}
