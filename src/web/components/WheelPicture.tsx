import { useTranslation } from 'react-i18next';
import { WHEEL_SIZE, wheelSegments } from '../features/wheel/geometry.ts';

/** The wheel as a picture (landing page): 21 topics in three rings and three domains. */
export function WheelPicture() {
  const { i18n } = useTranslation();
  const segments = wheelSegments(i18n.language === 'en' ? 'en' : 'nl');
  return (
    <svg
      viewBox={`0 0 ${WHEEL_SIZE} ${WHEEL_SIZE}`}
      className="wheel-picture"
      aria-hidden="true"
      focusable="false"
    >
      {segments.map((s) => (
        <g key={s.topic.id} className={`seg domain-${s.topic.domain} stage-${s.topic.stage}`}>
          <path d={s.path} transform={`translate(${WHEEL_SIZE / 2},${WHEEL_SIZE / 2})`} />
          <text
            x={s.x}
            y={s.y}
            transform={s.rotation ? `rotate(${s.rotation} ${s.x} ${s.y})` : undefined}
            textAnchor="middle"
            dominantBaseline="middle"
            fontSize={s.fontSize.toFixed(1)}
          >
            {s.topic.label[i18n.language === 'en' ? 'en' : 'nl']}
          </text>
        </g>
      ))}
    </svg>
  );
}
