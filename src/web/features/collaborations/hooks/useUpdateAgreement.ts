import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Agreement, UpdateAgreementBody } from '../../../../contracts/collaborations.ts';
import { ApiError, api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/**
 * Edits an agreement at the version the person started from. When a partner changed it meanwhile, the API
 * refuses (edit_conflict) and sends the current version: onConflict gets it, so nothing is overwritten and
 * the person can merge by hand.
 */
export function useUpdateAgreement(
  collaborationId: string,
  agreementId: string,
  options: { onSuccess?: () => unknown; onConflict?: (current: Agreement) => void } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAgreementBody) =>
      unwrap(
        api.PATCH('/collaborations/{id}/agreements/{itemId}', {
          params: { path: { id: collaborationId, itemId: agreementId } },
          body,
        }),
      ),
    onSuccess: async () => {
      await options.onSuccess?.();
      await client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) });
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.body.current as Agreement | undefined) : undefined;
      if (error instanceof ApiError && error.code === 'edit_conflict' && current)
        options.onConflict?.(current);
    },
  });
}
