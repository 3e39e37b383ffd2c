import { useMutation } from '@tanstack/react-query';
import type { Me, SignInBody } from '../../contracts/accounts.ts';
import { api, unwrap } from '../api/client.ts';
import { useRefreshSession } from './useRefreshSession.ts';

/** Signs in; the page's onSuccess (going on) runs once the new session is in the cache. */
export function useSignIn(options: { onSuccess?: (me: Me) => unknown } = {}) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: SignInBody) => unwrap(api.POST('/auth/sign-in', { body })),
    onSuccess: async (me) => {
      await refresh(me);
      await options.onSuccess?.(me);
    },
  });
}
