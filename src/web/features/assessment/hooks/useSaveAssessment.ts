import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveAssessmentBody } from '../../../../contracts/assessment.ts';
import { api, unwrap } from '../../../api/client.ts';
import { assessmentKeys } from './keys.ts';

/** Saves a draft of our self-assessment; the answer is the whole view, so nothing needs reading again. */
export function useSaveAssessment(collaborationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveAssessmentBody) =>
      unwrap(api.PUT('/collaborations/{id}/assessment', { params: { path: { id: collaborationId } }, body })),
    onSuccess: (view) => client.setQueryData(assessmentKeys.view(collaborationId), view),
  });
}
