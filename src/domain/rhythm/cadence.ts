import type { RoundCadence } from '../vocabulary.ts';

const MONTHS: Record<RoundCadence, number> = {
  off: 0,
  monthly: 1,
  'two-monthly': 2,
  quarterly: 3,
  'half-yearly': 6,
};

/** The same day `months` later; the last day of that month when it is shorter (31 January + 1 → 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * When the partners are asked to start their next round: the cadence after the last round was revealed. Nothing
 * is due while a round is still open (it has to be revealed first) or when the partners keep no rhythm.
 */
export function nextRoundDue(
  cadence: RoundCadence,
  currentRound: { revealedAt: string | null } | null,
): string | null {
  if (cadence === 'off' || !currentRound?.revealedAt) return null;
  return addMonths(currentRound.revealedAt.slice(0, 10), MONTHS[cadence]);
}
