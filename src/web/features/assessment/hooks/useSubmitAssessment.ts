import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveAssessmentBody } from '../../../../contracts/assessment.ts';
import { api, unwrap } from '../../../api/client.ts';
import { assessmentKeys } from './keys.ts';

/** Hands in our self-assessment with what is on screen, saved in the same step (nothing typed is lost). */
export function useSubmitAssessment(collaborationId: string) {
  const client = useQueryClient();
  const params = { path: { id: collaborationId } };
  return useMutation({
    mutationFn: (body: SaveAssessmentBody) =>
      unwrap(api.POST('/collaborations/{id}/assessment/submit', { params, body })),
    onSuccess: (view) => client.setQueryData(assessmentKeys.view(collaborationId), view),
  });
}

/** Agrees to show the self-assessment before every partner submitted. */
export function useRevealAssessmentEarly(collaborationId: string) {
  const client = useQueryClient();
  const params = { path: { id: collaborationId } };
  return useMutation({
    mutationFn: () => unwrap(api.POST('/collaborations/{id}/assessment/reveal-early', { params })),
    onSuccess: (view) => client.setQueryData(assessmentKeys.view(collaborationId), view),
  });
}
