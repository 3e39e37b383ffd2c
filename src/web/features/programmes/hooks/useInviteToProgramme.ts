import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** Makes a link that lets an organisation join the programme, sent to a contact's address if given. */
export function useInviteToProgramme(
  id: string,
  options: { onSuccess?: (invitation: { link: string; sentTo: string | null }) => unknown } = {},
) {
  return useMutation({
    mutationFn: (email?: string) =>
      unwrap(
        api.POST('/programmes/{id}/invitations', { params: { path: { id } }, body: email ? { email } : {} }),
      ),
    onSuccess: (invitation) => options.onSuccess?.(invitation),
  });
}
