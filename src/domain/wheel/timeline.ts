import type { DomainId, StageId } from '../instrument/types.ts';
import { assessTopics, DOMAIN_ORDER, type RoundRatings, STAGE_ORDER, topicsOf } from './rules.ts';

export type TimelinePoint = {
  round: number;
  /** Share (0–1) of each ring's topics in place, per domain and overall. */
  rings: Record<StageId, { overall: number; domains: Record<DomainId, number> }>;
  /** The topics in place and those where partners' ratings differed: that round's wheel, drawn small. */
  inPlace: string[];
  gaps: string[];
};

/** How far each ring and domain was in place in each revealed round, for the timeline. */
export function timelinePoint(round: number, ratings: RoundRatings): TimelinePoint {
  const topics = assessTopics(ratings);
  const rings = {} as TimelinePoint['rings'];
  for (const stage of STAGE_ORDER) {
    const domains = {} as Record<DomainId, number>;
    let inPlace = 0;
    let total = 0;
    for (const domain of DOMAIN_ORDER) {
      const ringTopics = topicsOf(stage, domain);
      const n = ringTopics.filter((t) => topics[t.id]?.inPlace).length;
      domains[domain] = ringTopics.length ? n / ringTopics.length : 0;
      inPlace += n;
      total += ringTopics.length;
    }
    rings[stage] = { overall: total ? inPlace / total : 0, domains };
  }
  const ids = Object.values(topics);
  return {
    round,
    rings,
    inPlace: ids.filter((t) => t.inPlace).map((t) => t.topicId),
    gaps: ids.filter((t) => t.gap).map((t) => t.topicId),
  };
}
