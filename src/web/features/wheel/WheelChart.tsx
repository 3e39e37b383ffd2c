import { type CSSProperties, type KeyboardEvent, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingValue } from '../../../contracts/collaborations.ts';
import type { Locale } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { ratingMark } from '../../../domain/wheel/labels.ts';
import {
  bandParts,
  domainNameArc,
  neighbour,
  RING_NAME_HALF_WIDTH,
  RING_NAME_HEIGHT,
  ringNamePositions,
  type Segment,
  WHEEL_SIZE,
  wheelSegments,
} from './geometry.ts';
import { around, SegmentShape } from './SegmentShape.tsx';

export type TopicState = 'empty' | 'ours' | 'revealed' | 'inPlace';
export type TopicView = {
  state: TopicState;
  gap: boolean;
  agreed: boolean;
  /** The ratings drawn on the segment's rim, one part each: ours before the reveal, everyone's after. */
  ratings: RatingValue[];
  /** How the topic stood in the previous revealed round, drawn faintly on its inner edge. */
  previous?: 'inPlace' | 'answered' | undefined;
  /** The ratings in words, for the segment's accessible name. */
  ratingsText?: string;
};

const ratingClass = (rating: RatingValue) =>
  rating === null ? 'rnone' : rating === 'nr' ? 'rnr' : `r${rating}`;

/** The rim of one segment: a part per organisation's rating, and a check when there is an agreement. */
function RatingRim({ segment, view }: { segment: Segment; view: TopicView }) {
  const marks = [
    ...view.ratings.map((r) => ({ text: ratingMark(r), className: `rating ${ratingClass(r)}` })),
    ...(view.agreed ? [{ text: '✓', className: 'rating agreed' }] : []),
  ];
  if (marks.length === 0) return <path className="rim-empty" d={segment.bandPath} transform={around} />;
  return (
    <g className={`rim${view.gap ? ' rim-gap' : ''}`}>
      {bandParts(segment, marks.length).map((part, i) => (
        <g key={part.path} className={marks[i]!.className}>
          <path d={part.path} transform={around} />
          <text x={part.x.toFixed(1)} y={part.y.toFixed(1)} textAnchor="middle" dominantBaseline="central">
            {marks[i]!.text}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * The collaboration's wheel: each segment a button that says its domain, stage, topic, state and ratings.
 * One segment is in the tab order at a time; arrow keys move around and between the rings. The domains' names
 * run around it and the rings' names sit on the line straight up; both are for the eye, the buttons say them.
 */
export function WheelChart(props: {
  views: Record<string, TopicView>;
  selected: string | null;
  onSelect: (topicId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'nl';
  const segments = useMemo(() => wheelSegments(lang), [lang]);
  const refs = useRef<Record<string, SVGGElement | null>>({});
  const ids = useId();
  const focusable = props.selected ?? segments[0]!.topic.id;

  const onKeyDown = (event: KeyboardEvent, topicId: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelect(topicId);
      return;
    }
    const next = neighbour(segments, topicId, event.key);
    if (next && next !== topicId) {
      event.preventDefault();
      props.onSelect(next);
      refs.current[next]?.focus();
    }
  };

  const describe = (topicId: string) => {
    const view = props.views[topicId];
    const segment = segments.find((s) => s.topic.id === topicId)!;
    const parts = [
      segment.topic.label[lang],
      t(`collab.domains.${segment.topic.domain}`),
      t(`collab.stages.${segment.topic.stage}`),
      t(`collab.state.${view?.state ?? 'empty'}`),
    ];
    if (view?.ratingsText) parts.push(view.ratingsText);
    if (view?.gap) parts.push(t('collab.state.gap'));
    if (view?.agreed) parts.push(t('collab.state.agreed'));
    if (view?.previous) parts.push(t(`wheel.previous.${view.previous}`));
    return parts.join(', ');
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the wheel's buttons
    <svg
      viewBox={`0 0 ${WHEEL_SIZE} ${WHEEL_SIZE}`}
      className="wheel-chart"
      role="group"
      aria-label={t('collab.wheelLabel')}
    >
      <defs>
        {wheel.domains.map((d) => (
          <path key={d.id} id={`${ids}-${d.id}`} d={domainNameArc(d.id)} />
        ))}
      </defs>
      {/* The names are for the eye: every segment's button already says its domain and ring. */}
      <svg aria-hidden="true" focusable="false" overflow="visible">
        {wheel.domains.map((d) => (
          <text key={d.id} className={`domain-name domain-${d.id}`}>
            <textPath href={`#${ids}-${d.id}`} startOffset="50%" textAnchor="middle">
              {d.label[lang]}
            </textPath>
          </text>
        ))}
      </svg>
      {segments.map((s, index) => {
        const view = props.views[s.topic.id] ?? { state: 'empty', gap: false, agreed: false, ratings: [] };
        const selected = props.selected === s.topic.id;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG segment cannot be a <button>; it behaves as one
          <g
            key={s.topic.id}
            ref={(el) => {
              refs.current[s.topic.id] = el;
            }}
            role="button"
            tabIndex={s.topic.id === focusable ? 0 : -1}
            aria-label={describe(s.topic.id)}
            aria-pressed={selected}
            data-topic={s.topic.id}
            // The reveal fills the wheel segment after segment (css: transition-delay); not under reduced motion.
            style={{ '--order': index } as CSSProperties}
            className={`seg domain-${s.topic.domain} stage-${s.topic.stage} state-${view.state}${selected ? ' selected' : ''}${view.gap ? ' has-gap' : ''}`}
            onClick={() => props.onSelect(s.topic.id)}
            onKeyDown={(e) => onKeyDown(e, s.topic.id)}
          >
            {view.previous && (
              <path className={`previous ${view.previous}`} d={s.stripPath} transform={around} />
            )}
            <SegmentShape segment={s} />
            <RatingRim segment={s} view={view} />
          </g>
        );
      })}
      <svg aria-hidden="true" focusable="false" overflow="visible" className="ring-names">
        {ringNamePositions().map((p) => (
          <g key={p.stage}>
            <rect
              x={p.x - RING_NAME_HALF_WIDTH[p.stage]}
              y={p.y - RING_NAME_HEIGHT / 2}
              width={2 * RING_NAME_HALF_WIDTH[p.stage]}
              height={RING_NAME_HEIGHT}
              rx={RING_NAME_HEIGHT / 2}
            />
            <text x={p.x} y={p.y} textAnchor="middle" dominantBaseline="central">
              {t(`collab.stages.${p.stage}`)}
            </text>
          </g>
        ))}
      </svg>
    </svg>
  );
}
