import type { StageId } from '../instrument/types.ts';
import { placeStage, type Rating, type RoundRatings, wheelOrder } from './rules.ts';

export const AGENDA_SIZE = 5;

export type AgendaReason =
  | { kind: 'gap'; ratings: Record<string, Rating>; spread: number }
  | { kind: 'not-in-place'; stage: StageId; average: number | null }
  | { kind: 'overdue-actions'; count: number };

export type AgendaItem = { topicId: string; reason: AgendaReason };

/** An action; one of a process deliverable (no topic) does not put a wheel topic on the agenda. */
export type OpenAction = { topicId: string | null; dueDate: string | null; done: boolean };

/**
 * At most five topics for the next conversation: gaps first (largest first), then topics of the current
 * stage's ring not yet in place (lowest average first; topics only rated "not relevant yet" after those with
 * a rating), then topics with overdue actions. Ties break by ring, domain and topic order. See docs/rules.md.
 */
export function proposeAgenda(ratings: RoundRatings, actions: OpenAction[], today: string): AgendaItem[] {
  const placement = placeStage(ratings);
  const items: AgendaItem[] = [];
  const taken = new Set<string>();
  const add = (item: AgendaItem) => {
    if (items.length < AGENDA_SIZE && !taken.has(item.topicId)) {
      items.push(item);
      taken.add(item.topicId);
    }
  };

  for (const topicId of placement.gaps) {
    const t = placement.topics[topicId]!;
    add({ topicId, reason: { kind: 'gap', ratings: t.ratings, spread: t.spread } });
  }

  const notInPlace = placement.notYetInPlace
    .map((id) => placement.topics[id]!)
    .sort((a, b) => {
      if (a.average === null && b.average !== null) return 1;
      if (b.average === null && a.average !== null) return -1;
      return (a.average ?? 0) - (b.average ?? 0) || wheelOrder(a.topicId) - wheelOrder(b.topicId);
    });
  for (const t of notInPlace)
    add({ topicId: t.topicId, reason: { kind: 'not-in-place', stage: placement.stage, average: t.average } });

  const overdue = new Map<string, number>();
  for (const a of actions) {
    if (a.topicId && !a.done && a.dueDate && a.dueDate < today)
      overdue.set(a.topicId, (overdue.get(a.topicId) ?? 0) + 1);
  }
  const overdueTopics = [...overdue.entries()].sort(
    (a, b) => b[1] - a[1] || wheelOrder(a[0]) - wheelOrder(b[0]),
  );
  for (const [topicId, count] of overdueTopics) add({ topicId, reason: { kind: 'overdue-actions', count } });

  return items;
}
