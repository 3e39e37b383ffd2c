import wheelData from './data/wheel.json' with { type: 'json' };
import type { Wheel, WheelTopic } from './types.ts';

// Checked field by field in tests/unit/instrument.test.ts, so a malformed copy fails the unit layer.
export const wheel = wheelData as Wheel;

const TOPIC_IDS: ReadonlySet<string> = new Set(wheel.topics.map((t) => t.id));

/** Whether an id names one of the wheel's 21 topics. */
export function isTopicId(id: string): boolean {
  return TOPIC_IDS.has(id);
}

/** One of the wheel's topics by id; undefined for anything else. */
export function topicById(id: string): WheelTopic | undefined {
  return wheel.topics.find((t) => t.id === id);
}
