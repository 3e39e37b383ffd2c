import { useMutation } from '@tanstack/react-query';
import type { PasswordResetBody, PasswordResetRequestBody } from '../../contracts/accounts.ts';
import { api, unwrap } from '../api/client.ts';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: PasswordResetRequestBody) => unwrap(api.POST('/auth/password-reset', { body })),
  });
}

/** Sets a new password with a reset link; every session of that account ends, so nobody is signed in after. */
export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (body: PasswordResetBody) =>
      unwrap(api.POST('/auth/password-reset/{token}', { params: { path: { token } }, body })),
  });
}
