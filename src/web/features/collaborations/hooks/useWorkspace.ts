import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Everything the workspace shows of one collaboration; a 404 is an answer (not ours, or gone), not retried. */
export function useWorkspace(id: string) {
  return useQuery({
    queryKey: collaborationKeys.workspace(id),
    queryFn: () => unwrap(api.GET('/collaborations/{id}', { params: { path: { id } } })),
    retry: false,
  });
}
