import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

/** What an invitation link offers, readable before signing in; an unknown link is not worth a retry. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: organisationKeys.invitation(token),
    queryFn: () => unwrap(api.GET('/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}
