import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Asks to reveal the round before every partner has handed in. */
export function useRevealEarly(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/collaborations/{id}/reveal-early', { params: { path: { id: collaborationId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: collaborationKeys.workspace(collaborationId) }),
  });
}
