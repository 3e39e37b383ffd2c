import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateAgreementBody } from '../../../../contracts/collaborations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Records an agreement on a topic; the page's onSuccess (clearing its form) runs before the re-read. */
export function useCreateAgreement(collaborationId: string, options: { onSuccess?: () => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAgreementBody) =>
      unwrap(
        api.POST('/collaborations/{id}/agreements', { params: { path: { id: collaborationId } }, body }),
      ),
    onSuccess: async () => {
      await options.onSuccess?.();
      await client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) });
    },
  });
}
