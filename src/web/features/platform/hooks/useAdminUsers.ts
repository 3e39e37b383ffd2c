import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { platformKeys } from './keys.ts';

/** Accounts matching a search, first page (platform admins only). */
export function useAdminUsers(q: string) {
  return useQuery({
    queryKey: platformKeys.userSearch(q),
    queryFn: () => unwrap(api.GET('/admin/users', { params: { query: { q, offset: 0 } } })),
  });
}
