import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** Makes a link that invites another organisation into the collaboration; nothing cached changes. */
export function useInvitePartner(
  collaborationId: string,
  options: { onSuccess?: (invitation: { link: string }) => unknown } = {},
) {
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/collaborations/{id}/invitations', { params: { path: { id: collaborationId } } })),
    onSuccess: (invitation) => options.onSuccess?.(invitation),
  });
}
