// The wheel's shape and colours, drawn by the screen (features/wheel), the landing picture and the PDF.
import { arc } from 'd3-shape';
import type { DomainId, Locale, StageId, WheelTopic } from '../instrument/types.ts';
import { wheel } from '../instrument/wheel.ts';

export const WHEEL_SIZE = 600;
export const CENTRE = WHEEL_SIZE / 2;
// Orientation outside, Transformation at the core, so "deepening" reads as moving inwards.
export const RING_RADII: Record<StageId, readonly [inner: number, outer: number]> = {
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
const PAD_ANGLE = 0.008;

export type Segment = {
  topic: WheelTopic;
  /** SVG path of the arc, around the centre (translate by CENTRE to draw). */
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
    const [inner, outer] = RING_RADII[topic.stage];
    const path =
      arc()({
        innerRadius: inner,
        outerRadius: outer,
        startAngle: start,
        endAngle: start + width,
        padAngle: PAD_ANGLE,
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
