import { useQueryClient } from '@tanstack/react-query';
import type { SaveAnswerBody } from '../../../../contracts/collaborations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/**
 * Saves our rating and answer on one wheel topic in the current round. A plain function rather than a mutation:
 * the autosave queue (session/autosave.ts) calls it, also after the topic's form has closed.
 */
export function useSaveAnswer(collaborationId: string, topicId: string) {
  const client = useQueryClient();
  return (body: SaveAnswerBody) =>
    unwrap(
      api.PUT('/collaborations/{id}/answers/{topicId}', {
        params: { path: { id: collaborationId, topicId } },
        body,
      }),
    ).then(() => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }));
}
