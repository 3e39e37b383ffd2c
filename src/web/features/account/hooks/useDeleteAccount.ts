import { useMutation } from '@tanstack/react-query';
import type { DeleteAccountBody } from '../../../../contracts/accounts.ts';
import { api, setCsrfToken, unwrap } from '../../../api/client.ts';
import { useRefreshSession } from '../../../session/useRefreshSession.ts';

/** Deletes the signed-in person's account; afterwards nobody is signed in. */
export function useDeleteAccount(options: { onSuccess?: () => unknown } = {}) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: DeleteAccountBody) => unwrap(api.DELETE('/me', { body })),
    onSuccess: async () => {
      setCsrfToken(null);
      await refresh(null);
      await options.onSuccess?.();
    },
  });
}
