import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** Publishes new cohort figures; every filtered view of the chart reads them again. */
export function usePublishCohort(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/programmes/{id}/cohort/publications', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['programmes', 'cohort', id] }),
  });
}
