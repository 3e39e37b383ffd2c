import { partneringProcess } from '../instrument/process.ts';
import type { Locale } from '../instrument/types.ts';
import { topicById, wheel } from '../instrument/wheel.ts';

const ACTIVITIES = new Map(partneringProcess.steps.flatMap((s) => s.activities.map((a) => [a.id, a])));

/** What an agreement or action belongs to, by name: its wheel topic, or its deliverable of the partnering process. */
export function subjectLabel(
  item: { topicId: string | null; deliverableId?: string | null },
  lang: Locale,
): string {
  if (item.topicId) return topicById(item.topicId)?.label[lang] ?? item.topicId;
  if (item.deliverableId) return ACTIVITIES.get(item.deliverableId)?.label[lang] ?? item.deliverableId;
  return '';
}

const TOPIC_ORDER = new Map(wheel.topics.map((t, i) => [t.id, i]));
const DELIVERABLES = partneringProcess.steps.flatMap((s) =>
  s.activities.map((a) => ({ id: a.id, step: s.id })),
);
const DELIVERABLE_STEP = new Map(DELIVERABLES.map((d) => [d.id, d.step]));
const DELIVERABLE_ORDER = new Map(DELIVERABLES.map((d, i) => [d.id, i]));

/** Wheel topics in the wheel's order first, then process deliverables in the guide's order. */
export function subjectOrder(item: { topicId: string | null; deliverableId?: string | null }): number {
  if (item.topicId) return TOPIC_ORDER.get(item.topicId) ?? 0;
  return 1000 + (DELIVERABLE_ORDER.get(item.deliverableId ?? '') ?? 0);
}

/** The filters of the one list of follow-up: everything, the wheel's topics, or one step of the process. */
export type SubjectFilter = 'all' | 'wheel' | 'mobilize' | 'co-develop' | 'pilot-test' | 'scale';
export const SUBJECT_FILTERS: readonly SubjectFilter[] = [
  'all',
  'wheel',
  ...(partneringProcess.steps.map((s) => s.id) as SubjectFilter[]),
];

export function matchesSubject(
  item: { topicId: string | null; deliverableId?: string | null },
  filter: SubjectFilter,
): boolean {
  if (filter === 'all') return true;
  if (filter === 'wheel') return Boolean(item.topicId);
  return Boolean(item.deliverableId) && DELIVERABLE_STEP.get(item.deliverableId!) === filter;
}
