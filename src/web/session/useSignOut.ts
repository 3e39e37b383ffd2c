import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { useRefreshSession } from './useRefreshSession.ts';

/** Signs out; whatever the answer, this browser forgets the session and the page's onSettled runs. */
export function useSignOut(options: { onSettled?: () => unknown } = {}) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/auth/sign-out')),
    onSettled: async () => {
      await refresh(null);
      await options.onSettled?.();
    },
  });
}
