import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** Makes a link that invites another organisation, sent to a contact's address if given; nothing cached changes. */
export function useInvitePartner(
  collaborationId: string,
  options: { onSuccess?: (invitation: { link: string; sentTo: string | null }) => unknown } = {},
) {
  return useMutation({
    mutationFn: (email?: string) =>
      unwrap(
        api.POST('/collaborations/{id}/invitations', {
          params: { path: { id: collaborationId } },
          body: email ? { email } : {},
        }),
      ),
    onSuccess: (invitation) => options.onSuccess?.(invitation),
  });
}
