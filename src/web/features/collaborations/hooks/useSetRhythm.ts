import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateRhythmBody } from '../../../../contracts/collaborations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Plans the next conversation and the cadence; the answer is the whole workspace. */
export function useSetRhythm(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRhythmBody) =>
      unwrap(api.PUT('/collaborations/{id}/rhythm', { params: { path: { id: collaborationId } }, body })),
    onSuccess: (workspace) => client.setQueryData(collaborationKeys.workspace(collaborationId), workspace),
  });
}
