import type { REVEAL_REASONS } from '../vocabulary.ts';

/** One organisation's part in something revealed together: a wheel round, a self-assessment. */
export type RevealState = { submitted: boolean; earlyReveal: boolean };
export type RevealReason = (typeof REVEAL_REASONS)[number];

/**
 * What a reveal still waits for, in the order a person can act on it: a second organisation to take part,
 * partners that neither submitted nor chose to reveal early, at least one submission.
 */
export type RevealWaiting = 'partner' | 'partners' | 'submission';

/**
 * The reveal rule of RULES.md: at least two organisations take part, each of them has either submitted or chosen
 * to reveal early, and at least one has submitted. One organisation alone never reveals, and early reveal alone
 * reveals nothing: there would be nothing to compare.
 */
export function revealProgress(states: readonly RevealState[]): {
  reason: RevealReason | null;
  waiting: RevealWaiting | null;
} {
  if (states.length < 2) return { reason: null, waiting: 'partner' };
  if (!states.every((s) => s.submitted || s.earlyReveal)) return { reason: null, waiting: 'partners' };
  if (!states.some((s) => s.submitted)) return { reason: null, waiting: 'submission' };
  return { reason: states.every((s) => s.submitted) ? 'all-submitted' : 'early', waiting: null };
}
