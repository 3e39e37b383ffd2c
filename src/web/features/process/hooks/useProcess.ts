import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProcessView } from '../../../../contracts/process.ts';
import { api, unwrap } from '../../../api/client.ts';

/** Query keys of a collaboration's partnering process; all start with 'process' (live updates refresh them). */
export const processKeys = {
  view: (collaborationId: string, cycle?: number) =>
    ['process', collaborationId, cycle ?? 'current'] as const,
  versions: (collaborationId: string, deliverableId: string, cycle: number) =>
    ['process', collaborationId, 'versions', deliverableId, cycle] as const,
};

export function useProcess(collaborationId: string, cycle?: number) {
  return useQuery({
    queryKey: processKeys.view(collaborationId, cycle),
    queryFn: () =>
      unwrap(
        api.GET('/collaborations/{id}/process', {
          params: { path: { id: collaborationId }, query: { cycle } },
        }),
      ),
  });
}

export function useDeliverableVersions(collaborationId: string, deliverableId: string, cycle: number) {
  return useQuery({
    queryKey: processKeys.versions(collaborationId, deliverableId, cycle),
    queryFn: () =>
      unwrap(
        api.GET('/collaborations/{id}/process/deliverables/{deliverableId}/versions', {
          params: {
            path: { id: collaborationId, deliverableId: deliverableId as 'problem-definition' },
            query: { cycle },
          },
        }),
      ),
  });
}

/**
 * Any change to the process: every write answers with the whole view of the current cycle, which replaces
 * what is shown; version histories are read again.
 */
export function useProcessChange<Input>(
  collaborationId: string,
  send: (input: Input) => Promise<ProcessView>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => {
      client.setQueryData(processKeys.view(collaborationId), view);
      void client.invalidateQueries({ queryKey: ['process', collaborationId] });
    },
  });
}
