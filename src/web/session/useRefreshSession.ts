import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/accounts.ts';
import { sessionKeys } from './keys.ts';

/**
 * After the session changed (signed in or out, switched or joined an organisation): everything cached was
 * read as someone else, so all of it is read again.
 */
export function useRefreshSession() {
  const client = useQueryClient();
  return async (me?: Me | null) => {
    if (me !== undefined) client.setQueryData(sessionKeys.me(), me);
    await client.invalidateQueries();
  };
}
