import { useTranslation } from 'react-i18next';
import { WHEEL_SIZE, wheelSegments } from '../features/wheel/geometry.ts';
import { SegmentShape } from '../features/wheel/SegmentShape.tsx';

/** The wheel as a picture (landing page): 21 topics in three rings and three domains. */
export function WheelPicture() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const segments = wheelSegments(lang);
  return (
    <svg
      viewBox={`0 0 ${WHEEL_SIZE} ${WHEEL_SIZE}`}
      className="wheel-picture"
      aria-hidden="true"
      focusable="false"
    >
      {segments.map((s) => (
        <g key={s.topic.id} className={`seg domain-${s.topic.domain} stage-${s.topic.stage}`}>
          <SegmentShape segment={s} lang={lang} />
        </g>
      ))}
    </svg>
  );
}
