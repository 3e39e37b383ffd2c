import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCollaborationBody, Workspace } from '../../../../contracts/collaborations.ts';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Starts a collaboration; its workspace is cached before the page's onSuccess opens it, so it shows at once. */
export function useCreateCollaboration(options: { onSuccess?: (workspace: Workspace) => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCollaborationBody) => unwrap(api.POST('/collaborations', { body })),
    onSuccess: async (workspace) => {
      client.setQueryData(collaborationKeys.workspace(workspace.collaboration.id), workspace);
      await client.invalidateQueries({ queryKey: collaborationKeys.list() });
      await options.onSuccess?.(workspace);
    },
  });
}
