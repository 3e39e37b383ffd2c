import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../contracts/accounts.ts';
import { ApiError, api, unwrap } from '../api/client.ts';
import { sessionKeys } from './keys.ts';

/** Who is signed in; main.tsx starts it before the first render, beside the page's own download. */
export const meQuery = queryOptions({
  queryKey: sessionKeys.me(),
  queryFn: async (): Promise<Me | null> => {
    try {
      return await unwrap(api.GET('/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 30_000,
});

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery(meQuery);
}
