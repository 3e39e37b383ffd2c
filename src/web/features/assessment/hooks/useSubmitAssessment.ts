import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveAssessmentBody } from '../../../../contracts/assessment.ts';
import { api, unwrap } from '../../../api/client.ts';
import { assessmentKeys } from './keys.ts';

/** Saves what is on screen, then hands in our self-assessment. */
export function useSubmitAssessment(collaborationId: string) {
  const client = useQueryClient();
  const params = { path: { id: collaborationId } };
  return useMutation({
    mutationFn: async (body: SaveAssessmentBody) => {
      await unwrap(api.PUT('/collaborations/{id}/assessment', { params, body }));
      return unwrap(api.POST('/collaborations/{id}/assessment/submit', { params }));
    },
    onSuccess: (view) => client.setQueryData(assessmentKeys.view(collaborationId), view),
  });
}
