import type { NotificationChannel, NotificationKind } from '../vocabulary.ts';

/**
 * How each kind reaches a person unless they chose otherwise: what asks something of them (an action, a
 * conversation, a round to start, an invitation) also by e-mail; what only keeps them informed, in the app.
 */
export const DEFAULT_CHANNEL: Record<NotificationKind, NotificationChannel> = {
  invited: 'email',
  'partner-joined': 'in-app',
  'partner-submitted': 'in-app',
  'round-revealed': 'email',
  'action-assigned': 'email',
  'action-due-soon': 'email',
  'action-overdue': 'email',
  'agreement-changed': 'in-app',
  'conversation-tomorrow': 'email',
  'round-due': 'email',
};

/** Where a notice leads: an invitation to the dashboard (where it is answered), the rest to their tab. */
export function notificationLink(kind: NotificationKind, collaborationId: string | null): string {
  if (kind === 'invited' || !collaborationId) return '/dashboard';
  return `/collaborations/${collaborationId}?tab=${notificationTab(kind)}`;
}

/** The collaboration's tab that shows the thing a notice is about. */
export function notificationTab(kind: NotificationKind): string {
  if (kind.startsWith('action-')) return 'actions';
  if (kind === 'agreement-changed') return 'agreements';
  if (kind === 'conversation-tomorrow') return 'agenda';
  if (kind === 'partner-joined') return 'partners';
  if (kind === 'round-due') return 'rounds';
  return 'wheel';
}
