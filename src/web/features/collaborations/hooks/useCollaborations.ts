import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** The collaborations of the acting organisation. */
export function useCollaborations(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: collaborationKeys.list(),
    queryFn: () => unwrap(api.GET('/collaborations')),
    enabled: options.enabled,
    // The dashboard and its cards both ask as the page opens; one answer serves both.
    staleTime: 5_000,
  });
}
