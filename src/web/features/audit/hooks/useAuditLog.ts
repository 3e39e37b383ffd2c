import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** Whose security events: the acting organisation's (admins), your own, or the whole installation's. */
export type AuditScope = 'organisation' | 'me' | 'platform';

const PATHS = { organisation: '/organisation/audit', me: '/me/audit', platform: '/admin/audit' } as const;

/** Security events, newest first, 25 at a time; "show older" loads the next page. */
export function useAuditLog(scope: AuditScope) {
  return useInfiniteQuery({
    queryKey: ['audit', scope] as const,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET(PATHS[scope], { params: { query: { limit: 25, before: pageParam } } })),
    getNextPageParam: (page) => page.next ?? undefined,
  });
}
