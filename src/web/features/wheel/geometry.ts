import { arc } from 'd3-shape';
import type { DomainId, Locale, StageId, WheelTopic } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';

export const WHEEL_SIZE = 600;
export const CENTRE = WHEEL_SIZE / 2;
// Orientation outside, Transformation at the core, so "deepening" reads as moving inwards.
const RINGS: Record<StageId, [number, number]> = {
  orientation: [200, 292],
  integration: [110, 198],
  transformation: [30, 108],
};
const DOMAIN_START: Record<DomainId, number> = {
  'value-creation': 0,
  resources: 1,
  'partnership-processes': 2,
};
const SLICE = (2 * Math.PI) / 3;

export type Segment = {
  topic: WheelTopic;
  path: string;
  /** Middle of the segment, for its label and markers. */
  x: number;
  y: number;
  /** Middle angle in radians, clockwise from the top. */
  angle: number;
  rotation: number;
  fontSize: number;
  markerX: number;
  markerY: number;
};

/** The 21 segments of the wheel: three domains of 120°, three rings, labels fitted to their segment. */
export function wheelSegments(lang: Locale): Segment[] {
  return wheel.topics.map((topic) => {
    const sameRing = wheel.topics.filter((t) => t.domain === topic.domain && t.stage === topic.stage);
    const index = sameRing.indexOf(topic);
    const width = SLICE / sameRing.length;
    const start = DOMAIN_START[topic.domain] * SLICE + index * width;
    const [inner, outer] = RINGS[topic.stage];
    const path =
      arc()({
        innerRadius: inner,
        outerRadius: outer,
        startAngle: start,
        endAngle: start + width,
        padAngle: 0.008,
      }) ?? '';
    const angle = start + width / 2;
    const r = (inner + outer) / 2;
    let rotation = (angle * 180) / Math.PI;
    if (rotation > 90 && rotation < 270) rotation += 180;
    // Long Dutch words ("Investeringsbereidheid") get a smaller size rather than spilling out of the segment.
    const base = topic.stage === 'integration' ? 13 : 16;
    const room = topic.stage === 'transformation' ? r * 1.2 : r * width * 0.88;
    const fontSize = Math.min(base, room / (topic.label[lang].length * 0.58));
    const markerR = outer - 14;
    return {
      topic,
      path,
      x: CENTRE + r * Math.sin(angle),
      y: CENTRE - r * Math.cos(angle),
      angle,
      rotation: topic.stage === 'transformation' ? 0 : rotation,
      fontSize,
      markerX: CENTRE + markerR * Math.sin(angle + width * 0.3),
      markerY: CENTRE - markerR * Math.cos(angle + width * 0.3),
    };
  });
}

/** Keyboard moves: left and right go around a ring, up goes inwards, down outwards. */
export function neighbour(segments: Segment[], currentId: string, key: string): string | undefined {
  const current = segments.find((s) => s.topic.id === currentId);
  if (!current) return segments[0]?.topic.id;
  const order: StageId[] = ['orientation', 'integration', 'transformation'];
  const ringOf = (stage: StageId) =>
    segments.filter((s) => s.topic.stage === stage).sort((a, b) => a.angle - b.angle);
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const ring = ringOf(current.topic.stage);
    const i = ring.indexOf(current);
    const next = ring[(i + (key === 'ArrowRight' ? 1 : ring.length - 1)) % ring.length];
    return next?.topic.id;
  }
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const stageIndex = order.indexOf(current.topic.stage) + (key === 'ArrowUp' ? 1 : -1);
    const stage = order[stageIndex];
    if (!stage) return currentId;
    const distance = (a: number) => {
      const d = Math.abs(a - current.angle) % (2 * Math.PI);
      return Math.min(d, 2 * Math.PI - d);
    };
    return ringOf(stage).sort((a, b) => distance(a.angle) - distance(b.angle))[0]?.topic.id;
  }
  if (key === 'Home') return ringOf(current.topic.stage)[0]?.topic.id;
  if (key === 'End') return ringOf(current.topic.stage).at(-1)?.topic.id;
  return undefined;
}
