import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateNotificationPreferencesBody } from '../../../../contracts/notifications.ts';
import { api, unwrap } from '../../../api/client.ts';
import { notificationKeys } from './keys.ts';

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: () => unwrap(api.GET('/me/notification-preferences')),
  });
}

export function useSetNotificationPreferences(options: { onSuccess?: () => void } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferencesBody) =>
      unwrap(api.PUT('/me/notification-preferences', { body })),
    onSuccess: (saved) => {
      client.setQueryData(notificationKeys.preferences(), saved);
      options.onSuccess?.();
    },
  });
}

/** The link in a notice e-mail; no sign-in needed. */
export function useUnsubscribe() {
  return useMutation({
    mutationFn: (body: { user: string; kind: string; signature: string }) =>
      unwrap(api.POST('/notifications/unsubscribe', { body: body as never })),
  });
}
