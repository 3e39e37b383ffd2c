import { useMutation } from '@tanstack/react-query';
import type { CreateOrganisationBody } from '../../../../contracts/organisations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { useRefreshSession } from '../../../session/useRefreshSession.ts';

/** Creates an organisation, which the session then acts for; the page's onSuccess runs after the refresh. */
export function useCreateOrganisation(options: { onSuccess?: () => unknown } = {}) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: CreateOrganisationBody) => unwrap(api.POST('/organisations', { body })),
    onSuccess: async () => {
      await refresh();
      await options.onSuccess?.();
    },
  });
}
