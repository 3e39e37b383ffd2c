import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Hands in our answers for the current round. */
export function useSubmitRound(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/collaborations/{id}/submit', { params: { path: { id: collaborationId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }),
  });
}
