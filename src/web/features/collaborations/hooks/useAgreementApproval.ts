import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/**
 * Agrees, on behalf of our organisation, to the agreement's text at the version on screen, or withdraws that.
 * When a partner changed the text meanwhile the API refuses (edit_conflict); the re-read shows the new text.
 */
export function useAgreementApproval(collaborationId: string, agreementId: string) {
  const client = useQueryClient();
  const params = { path: { id: collaborationId, itemId: agreementId } };
  const refresh = () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) });
  return useMutation({
    mutationFn: (change: { agree: true; version: number } | { agree: false }) =>
      change.agree
        ? unwrap(
            api.POST('/collaborations/{id}/agreements/{itemId}/approval', {
              params,
              body: { version: change.version },
            }),
          )
        : unwrap(api.DELETE('/collaborations/{id}/agreements/{itemId}/approval', { params })),
    onSettled: refresh,
  });
}
