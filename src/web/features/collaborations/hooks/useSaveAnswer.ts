import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveAnswerBody } from '../../../../contracts/collaborations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Saves our rating and answer on one wheel topic in the current round. */
export function useSaveAnswer(collaborationId: string, topicId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveAnswerBody) =>
      unwrap(
        api.PUT('/collaborations/{id}/answers/{topicId}', {
          params: { path: { id: collaborationId, topicId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }),
  });
}
