import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

export function useMembers(options: { enabled: boolean }) {
  return useQuery({
    queryKey: organisationKeys.members(),
    queryFn: () => unwrap(api.GET('/organisation/members')),
    enabled: options.enabled,
  });
}
