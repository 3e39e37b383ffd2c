import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedInvitation, CreateInvitationBody } from '../../../../contracts/organisations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

/** Creates an invitation; the page's onSuccess gets the link before the lists are read again. */
export function useCreateInvitation(options: { onSuccess?: (created: CreatedInvitation) => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => unwrap(api.POST('/organisation/invitations', { body })),
    onSuccess: async (created) => {
      await options.onSuccess?.(created);
      await client.invalidateQueries({ queryKey: organisationKeys.members() });
      await client.invalidateQueries({ queryKey: organisationKeys.invitations() });
    },
  });
}
