import { CENTRE, lineOffset, type Segment } from './geometry.ts';

const around = `translate(${CENTRE},${CENTRE})`;

/** One segment's body (the part that is coloured by its state) with its label, fitted and set as on paper. */
export function SegmentShape({ segment: s }: { segment: Segment }) {
  const { label } = s;
  return (
    <>
      <path className="body" d={s.bodyPath} transform={around} />
      <text
        className="label"
        transform={`translate(${label.x.toFixed(1)} ${label.y.toFixed(1)})${label.rotation ? ` rotate(${label.rotation.toFixed(1)})` : ''}`}
        textAnchor="middle"
        fontSize={label.size}
      >
        {label.lines.map((line, i) => (
          <tspan
            key={line}
            x="0"
            y={lineOffset(i, label.lines.length, label.size).toFixed(1)}
            dominantBaseline="central"
          >
            {line}
          </tspan>
        ))}
      </text>
    </>
  );
}

export { around };
