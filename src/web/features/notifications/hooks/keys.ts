/** Query keys of the signed-in person's notifications; all start with 'notifications'. */
export const notificationKeys = {
  all: () => ['notifications'] as const,
  list: () => ['notifications', 'list'] as const,
  unread: () => ['notifications', 'unread'] as const,
  preferences: () => ['notifications', 'preferences'] as const,
  failedJobs: () => ['notifications', 'failed-jobs'] as const,
};
