import { ZIdParams, ZOk } from '../../../contracts/common.ts';
import {
  ZFailedJobList,
  ZNotificationList,
  ZNotificationPreferences,
  ZNotificationsQuery,
  ZUnreadCount,
  ZUnsubscribeBody,
  ZUpdateNotificationPreferencesBody,
} from '../../../contracts/notifications.ts';
import { requirePlatformRole, requireUser } from '../../http/auth-context.ts';
import { errorResponses, notFound } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { NotificationsService } from './service.ts';

const tags = ['notifications'];

export function registerNotificationRoutes(
  app: App,
  deps: { notifications: NotificationsService; queue: JobQueue },
): void {
  const { notifications, queue } = deps;

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the number unread',
        querystring: ZNotificationsQuery,
        response: { 200: ZNotificationList, ...errorResponses },
      },
    },
    async (request) => notifications.list(requireUser(request), request.query.limit),
  );

  app.get(
    '/me/notifications/unread',
    {
      schema: {
        tags,
        summary: 'How many of your notifications are unread (for the bell)',
        response: { 200: ZUnreadCount, ...errorResponses },
      },
    },
    async (request) => ({ unread: await notifications.unread(requireUser(request)) }),
  );

  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await notifications.markRead(requireUser(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/me/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: ZUnreadCount, ...errorResponses },
      },
    },
    async (request) => {
      await notifications.markAllRead(requireUser(request));
      return { unread: 0 };
    },
  );

  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary:
          'How you get each kind of notification (in the app, also by e-mail, or not), and their language',
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (request) => notifications.preferences(requireUser(request)),
  );

  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Change how you get some kinds of notification, or the language of e-mails',
        body: ZUpdateNotificationPreferencesBody,
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (request) => notifications.setPreferences(requireUser(request), request.body),
  );

  app.post(
    '/notifications/unsubscribe',
    {
      schema: {
        tags,
        summary: 'The link in a notification e-mail: that kind no longer by e-mail (no sign-in needed)',
        body: ZUnsubscribeBody,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      await notifications.unsubscribe(request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/admin/jobs/failed',
    {
      schema: {
        tags: ['platform'],
        summary: 'Background jobs that failed after all their attempts, newest first (platform admins)',
        response: { 200: ZFailedJobList, ...errorResponses },
      },
    },
    async (request) => {
      requirePlatformRole(request, 'platform_admin');
      const rows = await queue.failed();
      return {
        jobs: rows.map((r) => ({
          ...r,
          failedAt: r.failedAt!.toISOString(),
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/admin/jobs/:id/retry',
    {
      schema: {
        tags: ['platform'],
        summary: 'Try a failed job again, with a fresh set of attempts (platform admins)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (request) => {
      requirePlatformRole(request, 'platform_admin');
      if (!(await queue.retry(request.params.id))) throw notFound('No failed job with this id.');
      return { ok: true as const };
    },
  );
}
