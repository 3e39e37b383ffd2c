import { addDays } from './dates.ts';

/** Reminders are about dates as people in the Netherlands read them: "tomorrow" there, not in UTC. */
export const TIME_ZONE = 'Europe/Amsterdam';

/** The calendar date at `now` in the product's time zone, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export type OpenAction = { id: string; dueDate: string | null; done: boolean };
export type ActionReminder = {
  actionId: string;
  kind: 'action-due-soon' | 'action-overdue';
  occasion: string;
};

/**
 * Which open actions to remind of today: due within three days (once per due date), or past their due date
 * (once per due date, so moving the date reminds again, and marking it done stops it).
 */
export function actionReminders(actions: OpenAction[], today: string): ActionReminder[] {
  const soon = addDays(today, 3);
  const out: ActionReminder[] = [];
  for (const a of actions) {
    if (a.done || !a.dueDate) continue;
    if (a.dueDate < today) out.push({ actionId: a.id, kind: 'action-overdue', occasion: a.dueDate });
    else if (a.dueDate <= soon) out.push({ actionId: a.id, kind: 'action-due-soon', occasion: a.dueDate });
  }
  return out;
}

/** A conversation is "tomorrow" from 24 hours before it starts until it starts. */
export function conversationIsNear(at: Date | null, now: Date): boolean {
  if (!at) return false;
  const left = at.getTime() - now.getTime();
  return left > 0 && left <= 24 * 60 * 60_000;
}

/** The next round is asked for from its due date until a new round starts (which makes the due date null). */
export function roundIsDue(due: string | null, today: string): boolean {
  return due !== null && due <= today;
}
