import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { notificationKeys } from './keys.ts';

export function useFailedJobs() {
  return useQuery({
    queryKey: notificationKeys.failedJobs(),
    queryFn: () => unwrap(api.GET('/admin/jobs/failed')),
  });
}

export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/admin/jobs/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.failedJobs() }),
  });
}
