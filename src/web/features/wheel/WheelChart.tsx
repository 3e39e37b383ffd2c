import { type KeyboardEvent, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../domain/instrument/types.ts';
import { neighbour, WHEEL_SIZE, wheelSegments } from './geometry.ts';
import { SegmentShape } from './SegmentShape.tsx';

export type TopicState = 'empty' | 'ours' | 'revealed' | 'inPlace';
export type TopicView = {
  state: TopicState;
  gap: boolean;
  agreed: boolean;
  /** The ratings in words, for the segment's accessible name: ours before the reveal, everyone's after. */
  ratingsText?: string;
};

/**
 * The collaboration's wheel: each segment a button that says its domain, stage, topic and state.
 * One segment is in the tab order at a time; arrow keys move around and between the rings.
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
      {segments.map((s) => {
        const view = props.views[s.topic.id] ?? { state: 'empty', gap: false, agreed: false };
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
            className={`seg domain-${s.topic.domain} stage-${s.topic.stage} state-${view.state}${selected ? ' selected' : ''}${view.gap ? ' has-gap' : ''}`}
            onClick={() => props.onSelect(s.topic.id)}
            onKeyDown={(e) => onKeyDown(e, s.topic.id)}
          >
            <SegmentShape segment={s} lang={lang} />
            {view.gap && (
              <g className="marker gap-marker">
                <circle cx={s.markerX} cy={s.markerY} r="9" />
                <text x={s.markerX} y={s.markerY} textAnchor="middle" dominantBaseline="central">
                  ≠
                </text>
              </g>
            )}
            {view.agreed && !view.gap && (
              <g className="marker agreed-marker">
                <circle cx={s.markerX} cy={s.markerY} r="9" />
                <text x={s.markerX} y={s.markerY} textAnchor="middle" dominantBaseline="central">
                  ✓
                </text>
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}
