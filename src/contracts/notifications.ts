import { z } from 'zod';
import { LOCALES, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../domain/vocabulary.ts';
import { zId } from './common.ts';

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS);

export const ZNotification = z
  .object({
    id: zId,
    kind: ZNotificationKind,
    createdAt: z.string(),
    readAt: z.string().nullable(),
    collaboration: z.object({ id: zId, name: z.string() }).nullable(),
    /** The programme an invitation is to. */
    programme: z.object({ id: zId, name: z.string() }).nullable(),
    /** The partner organisation that did it, by name. */
    actor: z.string().nullable(),
    action: z.object({ id: zId, text: z.string(), dueDate: z.string().nullable() }).nullable(),
    conversationAt: z.string().nullable(),
    /** Where the notice leads in the app. */
    link: z.string(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({
  notifications: z.array(ZNotification),
  unread: z.number().int(),
});
export const ZUnreadCount = z.object({ unread: z.number().int() });
export const ZNotificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const ZNotificationPreference = z.object({ kind: ZNotificationKind, channel: ZNotificationChannel });
export const ZNotificationPreferences = z.object({
  preferences: z.array(ZNotificationPreference),
  /** The language e-mails and calendar entries are written in. */
  language: z.enum(LOCALES),
  /** False when the installation sends no e-mail (no SMTP_URL): then every notice is in the app only. */
  emailAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof ZNotificationPreferences>;
export const ZUpdateNotificationPreferencesBody = z.object({
  preferences: z
    .array(ZNotificationPreference)
    .max(NOTIFICATION_KINDS.length * 2)
    .optional(),
  language: z.enum(LOCALES).optional(),
});
export type UpdateNotificationPreferencesBody = z.infer<typeof ZUpdateNotificationPreferencesBody>;

/** The link in every notice e-mail: switches that kind to in-app only, without signing in. */
export const ZUnsubscribeBody = z.object({
  user: zId,
  kind: ZNotificationKind,
  signature: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a valid link'),
});

export const ZFailedJob = z.object({
  id: zId,
  kind: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failedAt: z.string(),
  createdAt: z.string(),
});
export const ZFailedJobList = z.object({ jobs: z.array(ZFailedJob) });
