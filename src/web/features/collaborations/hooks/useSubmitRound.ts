import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { flushAll } from '../../../session/autosave.ts';
import { collaborationKeys } from './keys.ts';

/** Hands in our answers for the current round, after every answer still being saved has gone through. */
export function useSubmitRound(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await flushAll(`answer:${collaborationId}:`);
      return unwrap(api.POST('/collaborations/{id}/submit', { params: { path: { id: collaborationId } } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }),
  });
}
