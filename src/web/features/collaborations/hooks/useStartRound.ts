import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Starts the next round; the answer is the whole new workspace, so nothing needs reading again. */
export function useStartRound(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/collaborations/{id}/rounds', { params: { path: { id: collaborationId } } })),
    onSuccess: (workspace) => client.setQueryData(collaborationKeys.workspace(collaborationId), workspace),
  });
}
