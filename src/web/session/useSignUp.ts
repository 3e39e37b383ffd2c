import { useMutation } from '@tanstack/react-query';
import type { Me, SignUpAccepted, SignUpBody } from '../../contracts/accounts.ts';
import { api, setCsrfToken, unwrap } from '../api/client.ts';
import { useRefreshSession } from './useRefreshSession.ts';

/**
 * Asks for an account. A new address may be signed in at once (`Me`); otherwise the answer is the same
 * for a new and an existing address (`SignUpAccepted`, decision 0012) and nobody is signed in.
 */
export function useSignUp(
  options: {
    onSuccess?: (me: Me) => unknown;
    onAccepted?: (accepted: SignUpAccepted) => unknown;
    onError?: (error: Error) => void;
  } = {},
) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: SignUpBody) => unwrap(api.POST('/auth/sign-up', { body })),
    onSuccess: async (answer) => {
      if (!('user' in answer)) {
        await options.onAccepted?.(answer);
        return;
      }
      await refresh(answer);
      await options.onSuccess?.(answer);
    },
    onError: (error) => options.onError?.(error),
  });
}

/** Follows a sign-up's confirmation link: makes the account and signs in. */
export function useConfirmSignUp(options: { onSuccess?: (me: Me) => unknown } = {}) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: async (token: string) => {
      const me = await unwrap(api.POST('/auth/sign-up/{token}', { params: { path: { token } } }));
      setCsrfToken(me.csrfToken);
      return me;
    },
    onSuccess: async (me) => {
      await refresh(me);
      await options.onSuccess?.(me);
    },
  });
}
