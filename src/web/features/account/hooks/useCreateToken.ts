import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedToken, CreateTokenBody } from '../../../../contracts/accounts.ts';
import { api, unwrap } from '../../../api/client.ts';
import { accountKeys } from './keys.ts';

/** Creates a token; the page's onSuccess gets the secret (shown once) before the list is read again. */
export function useCreateToken(options: { onSuccess?: (created: CreatedToken) => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => unwrap(api.POST('/me/tokens', { body })),
    onSuccess: async (created) => {
      await options.onSuccess?.(created);
      await client.invalidateQueries({ queryKey: accountKeys.tokens() });
    },
  });
}
