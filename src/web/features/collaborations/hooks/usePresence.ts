import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/**
 * Who of the partners has the collaboration open now. Asked again when someone opens or closes it (a live
 * event) and every minute, so a browser that went away without saying so drops off the list.
 */
export function usePresence(collaborationId: string) {
  return useQuery({
    queryKey: collaborationKeys.presence(collaborationId),
    queryFn: () =>
      unwrap(api.GET('/collaborations/{id}/presence', { params: { path: { id: collaborationId } } })),
    refetchInterval: 60_000,
  });
}
