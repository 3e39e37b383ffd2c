import type { DomainId, StageId, WheelTopic } from '../instrument/types.ts';
import { wheel } from '../instrument/wheel.ts';
import { DOMAIN_IDS, STAGE_IDS } from '../vocabulary.ts';

/** 1 not at all, 2 a little, 3 largely, 4 fully, or "not relevant yet". */
export type Rating = 1 | 2 | 3 | 4 | 'nr';
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 'nr'];

/** The revealed ratings of one round: per topic, per organisation. Unanswered topics are absent. */
export type RoundRatings = Record<string, Record<string, Rating>>;

export const STAGE_ORDER: readonly StageId[] = STAGE_IDS;
export const DOMAIN_ORDER: readonly DomainId[] = DOMAIN_IDS;

const numeric = (ratings: Rating[]): number[] => ratings.filter((r): r is 1 | 2 | 3 | 4 => r !== 'nr');

export type TopicAssessment = {
  topicId: string;
  ratings: Record<string, Rating>;
  inPlace: boolean;
  /** Highest minus lowest numeric rating; 0 with fewer than two. */
  spread: number;
  gap: boolean;
  /** Mean of the numeric ratings, or null when nobody gave one. */
  average: number | null;
};

/**
 * A topic is in place when at least two organisations rated it, none said "not relevant yet", and every
 * rating is 3 or 4. A gap is a difference of two points or more between the highest and lowest rating.
 */
export function assessTopic(topicId: string, ratings: Record<string, Rating> = {}): TopicAssessment {
  const all = Object.values(ratings);
  const numbers = numeric(all);
  const spread = numbers.length >= 2 ? Math.max(...numbers) - Math.min(...numbers) : 0;
  return {
    topicId,
    ratings,
    inPlace: all.length >= 2 && !all.includes('nr') && numbers.every((n) => n >= 3),
    spread,
    gap: spread >= 2,
    average: numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null,
  };
}

export function topicsOf(stage: StageId, domain?: DomainId): WheelTopic[] {
  return wheel.topics.filter((t) => t.stage === stage && (!domain || t.domain === domain));
}

export type RingState = {
  stage: StageId;
  inPlace: boolean;
  /** Per domain: how many of its topics in this ring are in place, of how many. */
  domains: Record<DomainId, { inPlace: number; of: number; ok: boolean }>;
};

/**
 * Orientation and Integration are in place when, in every domain, at least two of the three topics are;
 * Transformation when all three of its topics are.
 */
export function assessRing(stage: StageId, topics: Record<string, TopicAssessment>): RingState {
  const domains = {} as RingState['domains'];
  for (const domain of DOMAIN_ORDER) {
    const ringTopics = topicsOf(stage, domain);
    const inPlace = ringTopics.filter((t) => topics[t.id]?.inPlace).length;
    const needed = stage === 'transformation' ? ringTopics.length : 2;
    domains[domain] = { inPlace, of: ringTopics.length, ok: inPlace >= needed };
  }
  return { stage, inPlace: DOMAIN_ORDER.every((d) => domains[d].ok), domains };
}

export type StagePlacement = {
  stage: StageId;
  rings: Record<StageId, RingState>;
  /** Topics of the current stage's ring that are not yet in place, in wheel order. */
  notYetInPlace: string[];
  /** Topics with a gap between partners, largest first. */
  gaps: string[];
  topics: Record<string, TopicAssessment>;
};

export function assessTopics(ratings: RoundRatings): Record<string, TopicAssessment> {
  return Object.fromEntries(wheel.topics.map((t) => [t.id, assessTopic(t.id, ratings[t.id])]));
}

/**
 * Orientation while the Orientation ring is not in place; Integration once it is and the Integration ring is
 * not; Transformation once both are. See docs/rules.md.
 */
export function placeStage(ratings: RoundRatings): StagePlacement {
  const topics = assessTopics(ratings);
  const rings = Object.fromEntries(STAGE_ORDER.map((s) => [s, assessRing(s, topics)])) as Record<
    StageId,
    RingState
  >;
  const stage: StageId = !rings.orientation.inPlace
    ? 'orientation'
    : !rings.integration.inPlace
      ? 'integration'
      : 'transformation';
  const notYetInPlace = topicsOf(stage)
    .filter((t) => !topics[t.id]?.inPlace)
    .map((t) => t.id);
  const gaps = wheel.topics
    .map((t) => topics[t.id]!)
    .filter((t) => t.gap)
    .sort((a, b) => b.spread - a.spread || wheelOrder(a.topicId) - wheelOrder(b.topicId))
    .map((t) => t.topicId);
  return { stage, rings, notYetInPlace, gaps, topics };
}

/** Ring (outer first), then domain order, then the topic's order in the wheel: the tie-break everywhere. */
export function wheelOrder(topicId: string): number {
  const topic = wheel.topics.find((t) => t.id === topicId);
  if (!topic) return Number.MAX_SAFE_INTEGER;
  const ring = STAGE_ORDER.indexOf(topic.stage);
  const domain = DOMAIN_ORDER.indexOf(topic.domain);
  const within = topicsOf(topic.stage, topic.domain).indexOf(topic);
  return ring * 100 + domain * 10 + within;
}
