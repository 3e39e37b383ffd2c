import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateOrganisationBody } from '../../../../contracts/organisations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { sessionKeys } from '../../../session/keys.ts';
import { organisationKeys } from './keys.ts';

export function useUpdateOrganisation(options: { onSuccess?: () => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationBody) => unwrap(api.PATCH('/organisation', { body })),
    onSuccess: async (next) => {
      client.setQueryData(organisationKeys.current(), next);
      // The name also shows in the header ("acting for"), which comes from the session.
      await client.invalidateQueries({ queryKey: sessionKeys.me() });
      await options.onSuccess?.();
    },
  });
}
