import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { notificationKeys } from './keys.ts';

/** How often the bell asks for the unread count while a page is open. */
const UNREAD_POLL_MS = 30_000;

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: () => unwrap(api.GET('/me/notifications', { params: { query: { limit: 50 } } })),
  });
}

/** The bell's count: asked again every half minute and whenever the window gets focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: () => unwrap(api.GET('/me/notifications/unread')),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | null): Promise<void> => {
      if (id) await unwrap(api.POST('/me/notifications/{id}/read', { params: { path: { id } } }));
      else await unwrap(api.POST('/me/notifications/read'));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all() }),
  });
}
