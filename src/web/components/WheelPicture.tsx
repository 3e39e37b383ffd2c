import { segments } from 'virtual:wheel-picture';
import { useTranslation } from 'react-i18next';

// Same size and centre as the interactive wheel (features/wheel/geometry.ts), which this picture is drawn from.
const SIZE = 600;
const CENTRE = SIZE / 2;

/** The wheel as a picture (landing page): 21 topics in three rings and three domains. */
export function WheelPicture() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="wheel-picture" aria-hidden="true" focusable="false">
      {segments.map((s) => (
        <g key={s.id} className={`seg domain-${s.domain} stage-${s.stage}`}>
          <path d={s.path} transform={`translate(${CENTRE},${CENTRE})`} />
          <text
            x={s.x}
            y={s.y}
            transform={s.rotation ? `rotate(${s.rotation} ${s.x} ${s.y})` : undefined}
            textAnchor="middle"
            dominantBaseline="middle"
            fontSize={s.fontSize[lang].toFixed(1)}
          >
            {s.label[lang]}
          </text>
        </g>
      ))}
    </svg>
  );
}
