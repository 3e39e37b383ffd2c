import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { useRefreshSession } from '../../../session/useRefreshSession.ts';

/** Joins the organisation, which the session then acts for; the page's onSuccess runs after the refresh. */
export function useAcceptInvitation(token: string, options: { onSuccess?: () => unknown } = {}) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/invitations/{token}/accept', { params: { path: { token } } })),
    onSuccess: async () => {
      await refresh();
      await options.onSuccess?.();
    },
  });
}
