import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** What a partner invitation link offers; an unknown link is not worth a retry. */
export function usePartnerInvitation(token: string) {
  return useQuery({
    queryKey: collaborationKeys.partnerInvitation(token),
    queryFn: () => unwrap(api.GET('/partner-invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}
