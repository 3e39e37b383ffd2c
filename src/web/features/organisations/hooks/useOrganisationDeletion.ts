import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

/** Asks for (or cancels) the deletion of the organisation after its 30-day grace period. */
export function useOrganisationDeletion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'request' | 'cancel') =>
      unwrap(
        action === 'request' ? api.POST('/organisation/deletion') : api.DELETE('/organisation/deletion'),
      ),
    onSuccess: (next) => client.setQueryData(organisationKeys.current(), next),
  });
}
