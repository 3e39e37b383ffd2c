import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/domain/jobs/backoff.ts';
import { DEFAULT_CHANNEL, notificationTab } from '../../src/domain/notifications/kinds.ts';
import {
  actionReminders,
  conversationIsNear,
  localDate,
  roundIsDue,
} from '../../src/domain/notifications/reminders.ts';
import { NOTIFICATION_KINDS } from '../../src/domain/vocabulary.ts';

describe('reminders', () => {
  it('read the date as people in the Netherlands do', () => {
    expect(localDate(new Date('2026-11-24T22:59:00Z'))).toBe('2026-11-24');
    expect(localDate(new Date('2026-11-24T23:00:00Z'))).toBe('2026-11-25'); // midnight in Amsterdam (CET)
    expect(localDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(localDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02'); // summer time (CEST)
  });

  it('remind of actions due within three days and of overdue ones, not of done or undated ones', () => {
    const today = '2026-11-24';
    const reminders = actionReminders(
      [
        { id: 'late', dueDate: '2026-11-23', done: false },
        { id: 'today', dueDate: '2026-11-24', done: false },
        { id: 'in-three', dueDate: '2026-11-27', done: false },
        { id: 'in-four', dueDate: '2026-11-28', done: false },
        { id: 'done', dueDate: '2026-11-20', done: true },
        { id: 'undated', dueDate: null, done: false },
      ],
      today,
    );
    expect(reminders).toEqual([
      { actionId: 'late', kind: 'action-overdue', occasion: '2026-11-23' },
      { actionId: 'today', kind: 'action-due-soon', occasion: '2026-11-24' },
      { actionId: 'in-three', kind: 'action-due-soon', occasion: '2026-11-27' },
    ]);
  });

  it('call a conversation near from a day before it until it starts', () => {
    const at = new Date('2026-12-01T13:00:00Z');
    expect(conversationIsNear(at, new Date('2026-11-30T12:59:00Z'))).toBe(false);
    expect(conversationIsNear(at, new Date('2026-11-30T13:00:00Z'))).toBe(true);
    expect(conversationIsNear(at, new Date('2026-12-01T12:59:00Z'))).toBe(true);
    expect(conversationIsNear(at, new Date('2026-12-01T13:00:00Z'))).toBe(false);
    expect(conversationIsNear(null, at)).toBe(false);
  });

  it('ask for a round from its due date on', () => {
    expect(roundIsDue('2026-11-24', '2026-11-23')).toBe(false);
    expect(roundIsDue('2026-11-24', '2026-11-24')).toBe(true);
    expect(roundIsDue(null, '2026-11-24')).toBe(false);
  });

  it('give every kind a default channel and a tab to open', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(DEFAULT_CHANNEL[kind]).toMatch(/^(email|in-app)$/);
      expect(['wheel', 'agenda', 'agreements', 'actions', 'rounds', 'partners']).toContain(
        notificationTab(kind),
      );
    }
  });
});

describe('the job queue’s back-off', () => {
  it('waits longer after each failure, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(retryDelayMs)).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });
});
