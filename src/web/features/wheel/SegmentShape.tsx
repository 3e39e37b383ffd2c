import type { Locale } from '../../../domain/instrument/types.ts';
import { CENTRE, type Segment } from './geometry.ts';

/** One segment of the wheel: its arc and its label, fitted and turned along the ring. */
export function SegmentShape({ segment: s, lang, fill }: { segment: Segment; lang: Locale; fill?: string }) {
  return (
    <>
      <path d={s.path} transform={`translate(${CENTRE},${CENTRE})`} fill={fill} />
      <text
        x={s.x}
        y={s.y}
        transform={s.rotation ? `rotate(${s.rotation} ${s.x} ${s.y})` : undefined}
        textAnchor="middle"
        dominantBaseline="middle"
        fontSize={s.fontSize.toFixed(1)}
      >
        {s.topic.label[lang]}
      </text>
    </>
  );
}
