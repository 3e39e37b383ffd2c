import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/accounts.ts';
import { api, unwrap } from '../../../api/client.ts';
import { sessionKeys } from '../../../session/keys.ts';
import { useRefreshSession } from '../../../session/useRefreshSession.ts';

/** Acts for another of the user's organisations; the page's onSuccess runs once the cache is refreshed. */
export function useSwitchOrganisation(options: { onSuccess?: (me: Me) => unknown } = {}) {
  const client = useQueryClient();
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (organisationId: string) =>
      unwrap(api.PUT('/me/active-organisation', { body: { organisationId } })),
    onSuccess: async (next) => {
      // This answer does not hand out the CSRF token again; the session keeps the one it has.
      const csrfToken = client.getQueryData<Me | null>(sessionKeys.me())?.csrfToken ?? null;
      await refresh({ ...next, csrfToken });
      await options.onSuccess?.(next);
    },
  });
}
