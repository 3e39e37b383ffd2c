import { arc } from 'd3-shape';
import { useTranslation } from 'react-i18next';
import type { DomainId, StageId } from '../../domain/instrument/types.ts';
import { wheel } from '../../domain/instrument/wheel.ts';

const SIZE = 600;
const C = SIZE / 2;
// Radii per ring: Orientation outside, Transformation at the core, so "deepening" reads as moving inwards.
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

/** The wheel as a picture (landing page): 21 topics in three rings and three domains. */
export function WheelPicture() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const slice = (2 * Math.PI) / 3;
  const segments = wheel.topics.map((topic) => {
    const sameRing = wheel.topics.filter((t) => t.domain === topic.domain && t.stage === topic.stage);
    const index = sameRing.indexOf(topic);
    const width = slice / sameRing.length;
    const start = DOMAIN_START[topic.domain] * slice + index * width;
    const [inner, outer] = RINGS[topic.stage];
    const shape = {
      innerRadius: inner,
      outerRadius: outer,
      startAngle: start,
      endAngle: start + width,
      padAngle: 0.008,
    };
    const path = arc()(shape) ?? '';
    const mid = start + width / 2;
    const r = (inner + outer) / 2;
    const x = C + r * Math.sin(mid);
    const y = C - r * Math.cos(mid);
    let rotation = (mid * 180) / Math.PI;
    if (rotation > 90 && rotation < 270) rotation += 180;
    // Long Dutch words ("Investeringsbereidheid") get a smaller size rather than spilling out of the segment.
    const base = topic.stage === 'integration' ? 11 : 13;
    const room = topic.stage === 'transformation' ? r * 1.2 : r * width * 0.88;
    const fontSize = Math.min(base, room / (topic.label[lang].length * 0.58));
    return { topic, path, x, y, rotation, fontSize };
  });
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="wheel-picture" aria-hidden="true" focusable="false">
      {segments.map(({ topic, path, x, y, rotation, fontSize }) => (
        <g key={topic.id} className={`seg domain-${topic.domain} stage-${topic.stage}`}>
          <path d={path} transform={`translate(${C},${C})`} />
          <text
            x={x}
            y={y}
            transform={topic.stage === 'transformation' ? undefined : `rotate(${rotation} ${x} ${y})`}
            textAnchor="middle"
            fontSize={fontSize.toFixed(1)}
            dominantBaseline="middle"
          >
            {topic.label[lang]}
          </text>
        </g>
      ))}
    </svg>
  );
}
