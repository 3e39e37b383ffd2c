import { segments, size } from 'virtual:wheel-picture';
import { useTranslation } from 'react-i18next';

/** The wheel as a picture (landing page): 21 topics in three rings and three domains, labelled as on screen. */
export function WheelPicture() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const centre = size / 2;
  return (
    <svg viewBox={`0 0 ${size} ${size}`} className="wheel-picture" aria-hidden="true" focusable="false">
      {segments.map((s) => {
        const label = s.label[lang];
        return (
          <g key={s.id} className={`seg domain-${s.domain} stage-${s.stage}`}>
            <path d={s.path} transform={`translate(${centre},${centre})`} />
            <text
              transform={`translate(${label.x} ${label.y})${label.rotation ? ` rotate(${label.rotation})` : ''}`}
              textAnchor="middle"
              fontSize={label.size}
            >
              {label.lines.map((line) => (
                <tspan key={line.text} x="0" y={line.dy} dominantBaseline="central">
                  {line.text}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
