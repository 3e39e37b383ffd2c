import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** Makes a link that lets an organisation join the programme; nothing cached changes. */
export function useInviteToProgramme(
  id: string,
  options: { onSuccess?: (invitation: { link: string }) => unknown } = {},
) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/programmes/{id}/invitations', { params: { path: { id } } })),
    onSuccess: (invitation) => options.onSuccess?.(invitation),
  });
}
