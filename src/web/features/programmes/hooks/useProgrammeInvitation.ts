import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { programmeKeys } from './keys.ts';

/** What a programme invitation link offers; an unknown link is not worth a retry. */
export function useProgrammeInvitation(token: string) {
  return useQuery({
    queryKey: programmeKeys.invitation(token),
    queryFn: () => unwrap(api.GET('/programme-invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}
