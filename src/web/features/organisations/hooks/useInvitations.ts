import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

/** The organisation's invitations; only admins may read them. */
export function useInvitations(options: { enabled: boolean }) {
  return useQuery({
    queryKey: organisationKeys.invitations(),
    queryFn: () => unwrap(api.GET('/organisation/invitations')),
    enabled: options.enabled,
  });
}
