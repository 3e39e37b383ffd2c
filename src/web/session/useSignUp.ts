import { useMutation } from '@tanstack/react-query';
import type { Me, SignUpBody } from '../../contracts/accounts.ts';
import { api, unwrap } from '../api/client.ts';
import { useRefreshSession } from './useRefreshSession.ts';

/** Creates an account and signs in; the page's onSuccess runs once the new session is in the cache. */
export function useSignUp(
  options: { onSuccess?: (me: Me) => unknown; onError?: (error: Error) => void } = {},
) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: SignUpBody) => unwrap(api.POST('/auth/sign-up', { body })),
    onSuccess: async (me) => {
      await refresh(me);
      await options.onSuccess?.(me);
    },
    onError: (error) => options.onError?.(error),
  });
}
