import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { around } from './SegmentShape.tsx';
import { WHEEL_SIZE, wheelSegments } from './geometry.ts';

/**
 * A revealed round's wheel, small and without labels: which topics were in place (dark) and where partners saw
 * it differently (dashed). Side by side they show how a collaboration deepened; the table beside says it in words.
 */
export function RoundWheel({ round, inPlace, gaps }: { round: number; inPlace: string[]; gaps: string[] }) {
  const { t } = useTranslation();
  const segments = useMemo(() => wheelSegments('en'), []);
  return (
    <svg
      viewBox={`0 0 ${WHEEL_SIZE} ${WHEEL_SIZE}`}
      className="round-wheel"
      role="img"
      aria-label={t('wheel.roundPicture', { n: round, inPlace: inPlace.length })}
    >
      {segments.map((s) => (
        <path
          key={s.topic.id}
          d={s.path}
          transform={around}
          className={`domain-${s.topic.domain}${inPlace.includes(s.topic.id) ? ' in-place' : ''}${gaps.includes(s.topic.id) ? ' gap' : ''}`}
        />
      ))}
    </svg>
  );
}
