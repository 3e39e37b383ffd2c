import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export function useDeclinePartnerInvitation(token: string, options: { onSuccess?: () => unknown } = {}) {
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/partner-invitations/{token}/decline', { params: { path: { token } } })),
    onSuccess: () => options.onSuccess?.(),
  });
}
