import { useTranslation } from 'react-i18next';
import type { DeliverableContent, Row } from '../../../domain/process/index.ts';

const LEVELS = ['low', 'medium', 'high'] as const;

/**
 * The actors on an influence/interest grid (three by three), as the guide draws its stakeholder map. The table
 * above it holds the same data, so the picture is named once and its content is in the table for screen readers.
 */
export function ActorsMap({ content }: { content: DeliverableContent }) {
  const { t } = useTranslation();
  const actors = ((content.actors as Row[] | undefined) ?? []).filter(
    (a) => typeof a.name === 'string' && a.influence && a.interest,
  );
  if (!actors.length) return <p className="muted small">{t('process.actorsMapEmpty')}</p>;
  const cell = 100;
  const pad = 40;
  const size = cell * 3;
  const placed = new Map<string, number>();
  return (
    <figure className="actors-map">
      <svg viewBox={`0 0 ${size + pad} ${size + pad}`} role="img" aria-label={t('process.actorsMapLabel')}>
        {LEVELS.map((y, row) =>
          LEVELS.map((x, col) => (
            <rect
              key={`${x}-${y}`}
              x={pad + col * cell}
              y={row * cell}
              width={cell}
              height={cell}
              className={row === 0 && col === 2 ? 'map-cell key' : 'map-cell'}
            />
          )),
        )}
        <text x={pad + size / 2} y={size + 28} textAnchor="middle" className="map-axis">
          {t('process.interest')} →
        </text>
        <text
          x={14}
          y={size / 2}
          textAnchor="middle"
          className="map-axis"
          transform={`rotate(-90 14 ${size / 2})`}
        >
          {t('process.influence')} →
        </text>
        {actors.map((a, i) => {
          const col = LEVELS.indexOf(a.interest as (typeof LEVELS)[number]);
          const row = 2 - LEVELS.indexOf(a.influence as (typeof LEVELS)[number]);
          const key = `${col}-${row}`;
          const k = placed.get(key) ?? 0;
          placed.set(key, k + 1);
          const name = String(a.name);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: actors may share a name
            <g key={i}>
              <circle cx={pad + col * cell + 10} cy={row * cell + 16 + k * 16} r={4} className="map-dot" />
              <text x={pad + col * cell + 18} y={row * cell + 20 + k * 16} className="map-label">
                {name.length > 12 ? `${name.slice(0, 11)}…` : name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{t('process.actorsMapCaption')}</figcaption>
    </figure>
  );
}
