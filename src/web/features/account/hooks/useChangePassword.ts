import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody } from '../../../../contracts/accounts.ts';
import { api, unwrap } from '../../../api/client.ts';

export function useChangePassword(options: { onSuccess?: () => unknown } = {}) {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => unwrap(api.POST('/me/password', { body })),
    onSuccess: () => options.onSuccess?.(),
  });
}
