/**
 * A reporting period: a month (2026-03) or a quarter (2026-Q1). Ordered as text within one kind; a quarter and
 * its months are compared by the day they start.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isPeriod(text: string): boolean {
  const m = MONTH.exec(text) ?? QUARTER.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 1900 && year <= 2100;
}

/** The first day of a period, as an ISO date. */
export function periodStart(period: string): string {
  const q = QUARTER.exec(period);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${period}-01`;
}

/** A value can be entered for a period that has begun; a target may lie ahead. */
export function hasBegun(period: string, today: string): boolean {
  return periodStart(period) <= today;
}

export function comparePeriods(a: string, b: string): number {
  return periodStart(a).localeCompare(periodStart(b)) || a.localeCompare(b);
}
