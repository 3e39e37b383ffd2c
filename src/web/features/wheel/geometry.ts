import { STAGE_IDS, type StageId } from '../../../domain/vocabulary.ts';
import type { Segment } from '../../../domain/wheel/geometry.ts';

export {
  bandParts,
  CENTRE,
  domainNameArc,
  lineOffset,
  RING_NAME_HALF_WIDTH,
  RING_NAME_HEIGHT,
  ringNamePositions,
  type Segment,
  WHEEL_SIZE,
  wheelSegments,
} from '../../../domain/wheel/geometry.ts';

/** Keyboard moves: left and right go around a ring, up goes inwards, down outwards. */
export function neighbour(segments: Segment[], currentId: string, key: string): string | undefined {
  const current = segments.find((s) => s.topic.id === currentId);
  if (!current) return segments[0]?.topic.id;
  const ringOf = (stage: StageId) =>
    segments.filter((s) => s.topic.stage === stage).sort((a, b) => a.angle - b.angle);
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const ring = ringOf(current.topic.stage);
    const i = ring.indexOf(current);
    const next = ring[(i + (key === 'ArrowRight' ? 1 : ring.length - 1)) % ring.length];
    return next?.topic.id;
  }
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const stageIndex = STAGE_IDS.indexOf(current.topic.stage) + (key === 'ArrowUp' ? 1 : -1);
    const stage: StageId | undefined = STAGE_IDS[stageIndex];
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
