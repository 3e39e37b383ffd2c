import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody } from '../../../../contracts/accounts.ts';
import { api, unwrap } from '../../../api/client.ts';
import { accountKeys } from './keys.ts';

/** Changes the password; with `revokeTokens` the token list is read again (it is empty then). */
export function useChangePassword(options: { onSuccess?: () => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => unwrap(api.POST('/me/password', { body })),
    onSuccess: async (_data, body) => {
      if (body.revokeTokens) await client.invalidateQueries({ queryKey: accountKeys.tokens() });
      await options.onSuccess?.();
    },
  });
}
