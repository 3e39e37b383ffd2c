import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

export function useDeleteAgreement(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (agreementId: string) =>
      unwrap(
        api.DELETE('/collaborations/{id}/agreements/{itemId}', {
          params: { path: { id: collaborationId, itemId: agreementId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }),
  });
}
