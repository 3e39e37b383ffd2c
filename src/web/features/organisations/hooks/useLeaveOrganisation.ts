import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { useRefreshSession } from '../../../session/useRefreshSession.ts';

/** Leaves the acting organisation; the page's onSuccess runs once the session is read again. */
export function useLeaveOrganisation(options: { onSuccess?: () => unknown } = {}) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/organisation/leave')),
    onSuccess: async () => {
      await refresh();
      await options.onSuccess?.();
    },
  });
}
