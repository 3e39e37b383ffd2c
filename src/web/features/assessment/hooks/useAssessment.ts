import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { assessmentKeys } from './keys.ts';

/** The self-assessment of one round (the current one when `round` is not given). */
export function useAssessment(collaborationId: string, round?: number) {
  return useQuery({
    queryKey: assessmentKeys.view(collaborationId, round),
    queryFn: () =>
      unwrap(
        api.GET('/collaborations/{id}/assessment', {
          params: { path: { id: collaborationId }, query: { round: round || undefined } },
        }),
      ),
  });
}
