import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../contracts/accounts.ts';
import { ApiError } from './api/client.ts';
import { endpoints } from './api/endpoints.ts';

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await endpoints.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

export function useRefreshSession() {
  const client = useQueryClient();
  return async (me?: Me | null) => {
    if (me !== undefined) client.setQueryData(['me'], me);
    await client.invalidateQueries();
  };
}
