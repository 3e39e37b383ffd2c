// The wheel's shape and colours, drawn by the screen (features/wheel), the landing picture and the PDF.
import { arc } from 'd3-shape';
import type { DomainId, Locale, StageId, WheelTopic } from '../instrument/types.ts';
import { wheel } from '../instrument/wheel.ts';
import { fitLabel, type LabelLayout } from './labels.ts';

/** The screen's canvas: the rings, and around them a band for the domains' names. */
export const WHEEL_SIZE = 670;
export const CENTRE = WHEEL_SIZE / 2;
// Orientation outside, Transformation at the core, so "deepening" reads as moving inwards.
export const RING_RADII: Record<StageId, readonly [inner: number, outer: number]> = {
  orientation: [200, 292],
  integration: [110, 198],
  transformation: [14, 108],
};
/** On screen, each segment's rim holds the partners' ratings and its inner edge the previous round. */
export const RATING_BAND = 19;
export const PREVIOUS_STRIP = 6;
/** Where the domains' names run around the wheel (their baseline). */
export const DOMAIN_NAME_RADIUS = 306;
/** No label on screen is set smaller than this (canvas units; 11 px with the wheel 620 px wide). */
export const LABEL_MIN = 12;
const LABEL_MAX: Record<StageId, number> = { orientation: 17, integration: 15.5, transformation: 15.5 };
/**
 * Half the width kept free on the line straight up from the centre for each ring's name ("Integratie"), in
 * canvas units at LABEL_MIN; tests/unit/wheel-labels.test.ts checks every language's name fits.
 */
export const RING_NAME_HALF_WIDTH: Record<StageId, number> = {
  orientation: 39,
  integration: 38,
  transformation: 52,
};
export const RING_NAME_HEIGHT = 20;
const LINE_HEIGHT = 1.12;

const DOMAIN_START: Record<DomainId, number> = {
  'value-creation': 0,
  resources: 1,
  'partnership-processes': 2,
};
const SLICE = (2 * Math.PI) / 3;
const PAD_ANGLE = 0.008;

export type Segment = {
  topic: WheelTopic;
  /** SVG path of the whole arc, around the centre (translate by CENTRE to draw): the PDF and the landing page. */
  path: string;
  /** On screen: the part that carries the label, the rim for the ratings, the inner edge for the last round. */
  bodyPath: string;
  bandPath: string;
  stripPath: string;
  /** Middle of the ring at the segment's middle angle. */
  x: number;
  y: number;
  /** Middle angle in radians, clockwise from the top; start and end of the segment. */
  angle: number;
  start: number;
  end: number;
  /** The turn (degrees) of text along the ring at the middle, upright; level in the inner ring (the PDF). */
  rotation: number;
  /** The label as the screen sets it: centre, turn, size and lines; `fits` is false only for a label too long. */
  label: { x: number; y: number; rotation: number; size: number; lines: string[]; fits: boolean };
};

const arcPath = (innerRadius: number, outerRadius: number, startAngle: number, endAngle: number) =>
  arc()({ innerRadius, outerRadius, startAngle, endAngle, padAngle: PAD_ANGLE }) ?? '';

/** `count` equal parts of a segment's rim, clockwise: one per organisation's rating. */
export function bandParts(segment: Segment, count: number): { path: string; x: number; y: number }[] {
  const outer = RING_RADII[segment.topic.stage][1];
  const inner = outer - RATING_BAND;
  const r = outer - RATING_BAND / 2;
  const width = (segment.end - segment.start) / count;
  return Array.from({ length: count }, (_, i) => {
    const a = segment.start + i * width;
    const middle = a + width / 2;
    return {
      path: arcPath(inner, outer, a, a + width),
      x: CENTRE + r * Math.sin(middle),
      y: CENTRE - r * Math.cos(middle),
    };
  });
}

/** The largest rectangle width (w × h, turned by `rotation`, centred at cx, cy) that stays inside the arc. */
export function roomInArc(
  body: {
    inner: number;
    outer: number;
    start: number;
    end: number;
    avoid?: { left: number; right: number; top: number; bottom: number } | undefined;
  },
  centre: { x: number; y: number; rotation: number },
  height: number,
): number {
  const cos = Math.cos((centre.rotation * Math.PI) / 180);
  const sin = Math.sin((centre.rotation * Math.PI) / 180);
  const margin = 0.02;
  const inside = (w: number) => {
    for (let i = 0; i <= 8; i++) {
      for (const v of [-height / 2, 0, height / 2]) {
        const u = -w / 2 + (w * i) / 8;
        const x = centre.x + u * cos - v * sin;
        const y = centre.y + u * sin + v * cos;
        const r = Math.hypot(x, y);
        let a = Math.atan2(x, -y);
        if (a < body.start - 1e-9) a += 2 * Math.PI;
        if (r < body.inner + 2 || r > body.outer - 2) return false;
        if (a < body.start + margin || a > body.end - margin) return false;
        const box = body.avoid;
        if (box && x > box.left && x < box.right && y > box.top && y < box.bottom) return false;
      }
    }
    return true;
  };
  let lo = 0;
  let hi = 2 * body.outer;
  for (let k = 0; k < 18; k++) {
    const mid = (lo + hi) / 2;
    if (inside(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The 21 segments of the wheel: three domains of 120°, three rings, labels fitted to their segment. */
export function wheelSegments(lang: Locale): Segment[] {
  return wheel.topics.map((topic) => {
    const sameRing = wheel.topics.filter((t) => t.domain === topic.domain && t.stage === topic.stage);
    const index = sameRing.indexOf(topic);
    const width = SLICE / sameRing.length;
    const start = DOMAIN_START[topic.domain] * SLICE + index * width;
    const end = start + width;
    const [inner, outer] = RING_RADII[topic.stage];
    const bodyInner = inner + PREVIOUS_STRIP;
    const bodyOuter = outer - RATING_BAND;
    const angle = start + width / 2;
    const r = (inner + outer) / 2;
    const label = placeLabel(topic.label[lang], topic.stage, {
      inner: bodyInner,
      outer: bodyOuter,
      start,
      end,
    });
    return {
      topic,
      path: arcPath(inner, outer, start, end),
      bodyPath: arcPath(bodyInner, bodyOuter, start, end),
      bandPath: arcPath(bodyOuter, outer, start, end),
      stripPath: arcPath(inner, bodyInner, start, end),
      x: CENTRE + r * Math.sin(angle),
      y: CENTRE - r * Math.cos(angle),
      angle,
      start,
      end,
      rotation: topic.stage === 'transformation' ? 0 : ringRotation(angle),
      label: {
        x: CENTRE + label.x,
        y: CENTRE + label.y,
        rotation: label.rotation,
        size: label.size,
        lines: label.lines,
        fits: label.fits,
      },
    };
  });
}

/**
 * Where and how large a segment's label is set (around the centre 0, 0). Along the ring in the outer two rings,
 * moved away from the ring's name at the top; level in the inner ring, at the spot of its wide, short segment
 * where it can be largest.
 */
function placeLabel(
  text: string,
  stage: StageId,
  body: { inner: number; outer: number; start: number; end: number },
): LabelLayout & { x: number; y: number; rotation: number; fits: boolean } {
  const level = stage === 'transformation';
  const middleR = (body.inner + body.outer) / 2;
  const seam = level ? 0 : (RING_NAME_HALF_WIDTH[stage] + 2) / middleR;
  const from = body.start === 0 ? seam : body.start;
  const to = Math.abs(body.end - 2 * Math.PI) < 1e-9 ? body.end - seam : body.end;
  // In the inner ring a label may also follow the ring, when lying level would make it smaller.
  const spots: { r: number; da: number; level: boolean }[] = level
    ? [
        ...[0.45, 0.55, 0.65].flatMap((f) =>
          [-0.3, -0.15, 0, 0.15, 0.3].map((da) => ({
            r: body.inner + (body.outer - body.inner) * f,
            da,
            level: true,
          })),
        ),
        { r: middleR, da: 0, level: false },
      ]
    : [{ r: middleR, da: 0, level: false }];
  const area = {
    ...body,
    start: from + PAD_ANGLE,
    end: to - PAD_ANGLE,
    avoid: level ? ringNameBox(stage) : undefined,
  };
  let best: (LabelLayout & { x: number; y: number; rotation: number; score: number }) | null = null;
  for (const spot of spots) {
    const angle = (from + to) / 2 + spot.da;
    const rotation = spot.level ? 0 : ringRotation(angle);
    const centre = { x: spot.r * Math.sin(angle), y: -spot.r * Math.cos(angle), rotation };
    const rooms = new Map<string, number>();
    const room = (size: number, lines: number) => {
      const key = `${size}:${lines}`;
      if (!rooms.has(key)) rooms.set(key, roomInArc(area, centre, size * LINE_HEIGHT * lines));
      return rooms.get(key)!;
    };
    const fitted = fitLabel(text, room, { min: LABEL_MIN, max: LABEL_MAX[stage] });
    if (!fitted) continue;
    // Larger is better, but a label far from its segment's middle reads as part of its neighbour.
    const score = fitted.size - 0.5 * fitted.lines.length + (spot.level ? 2 : 0) - 8 * Math.abs(spot.da);
    if (!best || score > best.score) best = { ...fitted, ...centre, score };
  }
  // Nothing fits at the smallest size: the unit test fails on this, so it never ships.
  if (best) return { ...best, fits: true };
  const angle = (from + to) / 2;
  return {
    size: LABEL_MIN,
    lines: [text],
    x: middleR * Math.sin(angle),
    y: -middleR * Math.cos(angle),
    rotation: 0,
    fits: false,
  };
}

/** The turn of text that follows the ring at `angle`, flipped on the lower half so it never reads upside down. */
function ringRotation(angle: number): number {
  const degrees = (angle * 180) / Math.PI;
  return degrees > 90 && degrees < 270 ? degrees + 180 : degrees;
}

/** The y offset of line `i` of `count` from the label's centre, in canvas units. */
export const lineOffset = (i: number, count: number, size: number) =>
  (i - (count - 1) / 2) * size * LINE_HEIGHT;

/** An arc for a domain's name to run along, read left to right: clockwise on top, anticlockwise underneath. */
export function domainNameArc(domain: DomainId): string {
  const start = DOMAIN_START[domain] * SLICE + 0.06;
  const end = start + SLICE - 0.12;
  const middle = (start + end) / 2;
  const below = Math.cos(middle) < 0;
  // Below the centre the text hangs under its arc, so it runs a little further out to keep the same gap.
  const r = below ? DOMAIN_NAME_RADIUS + 12 : DOMAIN_NAME_RADIUS;
  const point = (a: number) =>
    `${(CENTRE + r * Math.sin(a)).toFixed(1)} ${(CENTRE - r * Math.cos(a)).toFixed(1)}`;
  return below
    ? `M ${point(end)} A ${r} ${r} 0 0 0 ${point(start)}`
    : `M ${point(start)} A ${r} ${r} 0 0 1 ${point(end)}`;
}

/** Where each ring's name sits: on the line straight up from the centre, in the middle of its ring. */
export function ringNamePositions(): { stage: StageId; x: number; y: number }[] {
  return (Object.keys(RING_RADII) as StageId[]).map((stage) => {
    const [inner, outer] = RING_RADII[stage];
    return { stage, x: CENTRE, y: CENTRE - (inner + PREVIOUS_STRIP + outer - RATING_BAND) / 2 };
  });
}

/** The box a ring's name takes, around the centre (0, 0), with a little air. */
function ringNameBox(stage: StageId) {
  const [inner, outer] = RING_RADII[stage];
  const y = -(inner + PREVIOUS_STRIP + outer - RATING_BAND) / 2;
  const half = RING_NAME_HALF_WIDTH[stage] + 4;
  return {
    left: -half,
    right: half,
    top: y - RING_NAME_HEIGHT / 2 - 4,
    bottom: y + RING_NAME_HEIGHT / 2 + 4,
  };
}
