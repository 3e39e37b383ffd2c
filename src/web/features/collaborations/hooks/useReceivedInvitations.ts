import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { collaborationKeys } from './keys.ts';

/** Open partner invitations sent to the signed-in person's own address. */
export function useReceivedInvitations() {
  return useQuery({
    queryKey: collaborationKeys.received(),
    queryFn: () => unwrap(api.GET('/me/partner-invitations')),
  });
}

/** Accepts (the answer names the collaboration joined) or declines one of them. */
export function useAnswerReceivedInvitation(
  options: { onAccepted?: (collaborationId: string) => void } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, accept }: { id: string; accept: boolean }) => {
      if (!accept) {
        await unwrap(api.POST('/me/partner-invitations/{id}/decline', { params: { path: { id } } }));
        return null;
      }
      return (await unwrap(api.POST('/me/partner-invitations/{id}/accept', { params: { path: { id } } })))
        .collaborationId;
    },
    onSuccess: async (collaborationId) => {
      await client.invalidateQueries({ queryKey: collaborationKeys.received() });
      await client.invalidateQueries({ queryKey: collaborationKeys.list() });
      if (collaborationId) options.onAccepted?.(collaborationId);
    },
  });
}

/** Open programme invitations sent to the signed-in person's own address. */
export function useReceivedProgrammeInvitations() {
  return useQuery({
    queryKey: collaborationKeys.receivedProgrammes(),
    queryFn: () => unwrap(api.GET('/me/programme-invitations')),
  });
}

/** Joins a programme from one of them, with the organisation the person acts for. */
export function useJoinReceivedProgramme(options: { onJoined?: () => void } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/me/programme-invitations/{id}/join', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: collaborationKeys.receivedProgrammes() });
      options.onJoined?.();
    },
  });
}
