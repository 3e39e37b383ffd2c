import type { IndicatorDirection, IndicatorKind } from './indicators.ts';
import { comparePeriods } from './periods.ts';

export type LedgerValue = { organisationId: string; period: string; value: number };
export type SeriesPoint = { period: string; total: number; partners: number; target: number | null };

/**
 * One figure per period for the collaboration: the partners' values added up (each partner counts its own
 * people, so the sum is the collaboration's), with the target of that period beside it.
 */
export function seriesOf(
  values: readonly LedgerValue[],
  targets: readonly { period: string; target: number }[],
) {
  const periods = [...new Set([...values.map((v) => v.period), ...targets.map((t) => t.period)])].sort(
    comparePeriods,
  );
  return periods.map((period): SeriesPoint => {
    const here = values.filter((v) => v.period === period);
    return {
      period,
      total: here.reduce((s, v) => s + v.value, 0),
      partners: here.length,
      target: targets.find((t) => t.period === period)?.target ?? null,
    };
  });
}

/**
 * Where the collaboration stands: the latest period with a value and a target, and whether it is met in the
 * indicator's direction. A flow is also given as the total over all periods (a year's placements add up).
 */
export function progressOf(
  series: readonly SeriesPoint[],
  direction: IndicatorDirection,
  kind: IndicatorKind,
) {
  const measured = series.filter((p) => p.partners > 0);
  const latest = measured.at(-1) ?? null;
  const latestWithTarget = [...measured].reverse().find((p) => p.target !== null) ?? null;
  const met =
    latestWithTarget === null
      ? null
      : direction === 'up'
        ? latestWithTarget.total >= latestWithTarget.target!
        : latestWithTarget.total <= latestWithTarget.target!;
  return {
    latest: latest ? { period: latest.period, total: latest.total } : null,
    cumulative: kind === 'flow' ? measured.reduce((s, p) => s + p.total, 0) : null,
    against: latestWithTarget
      ? {
          period: latestWithTarget.period,
          total: latestWithTarget.total,
          target: latestWithTarget.target!,
          met,
        }
      : null,
  };
}
