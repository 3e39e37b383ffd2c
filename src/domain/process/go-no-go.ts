import type { Comparator, DeliverableContent } from './forms.ts';

export const DECISIONS = ['scale', 'adjust', 'stop'] as const;
export type Decision = (typeof DECISIONS)[number];

export type Criterion = {
  id: string;
  indicator: string;
  comparator: Comparator;
  threshold: number;
  byWhen: string | null;
};

export type CriterionResult = 'met' | 'not-met' | 'not-measured';

/** The go/no-go criteria of a measurement system; rows not yet complete (no comparator or threshold) are skipped. */
export function criteriaOf(measurement: DeliverableContent | null): Criterion[] {
  const rows = measurement?.criteria;
  if (!Array.isArray(rows)) return [];
  const out: Criterion[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const { id, indicator, comparator, threshold, byWhen } = row;
    if (typeof id !== 'string' || typeof threshold !== 'number' || typeof comparator !== 'string') continue;
    out.push({
      id,
      indicator: typeof indicator === 'string' ? indicator : '',
      comparator: comparator as Comparator,
      threshold,
      byWhen: typeof byWhen === 'string' ? byWhen : null,
    });
  }
  return out;
}

export function evaluateCriterion(
  criterion: Criterion,
  measured: number | null | undefined,
): CriterionResult {
  if (measured === null || measured === undefined || !Number.isFinite(measured)) return 'not-measured';
  const t = criterion.threshold;
  const ok = {
    gte: measured >= t,
    gt: measured > t,
    lte: measured <= t,
    lt: measured < t,
    eq: measured === t,
  }[criterion.comparator];
  return ok ? 'met' : 'not-met';
}

/**
 * What the measured criteria suggest, never decide: a criterion measured and not met → adjust; every criterion
 * met → scale; otherwise (something not measured yet) no suggestion. The partners decide together.
 */
export function suggestDecision(results: readonly CriterionResult[]): Decision | null {
  if (results.includes('not-met')) return 'adjust';
  if (results.length && results.every((r) => r === 'met')) return 'scale';
  return null;
}

/**
 * A decision is taken only by all partners together: it stands when every partner organisation taking part now
 * chose the same option. Until then the screen says who has not chosen and whether the choices differ.
 */
export function decisionState(
  votes: readonly { organisationId: string; decision: Decision }[],
  partnerIds: readonly string[],
): { decided: Decision | null; waitingFor: string[]; differ: boolean } {
  const current = votes.filter((v) => partnerIds.includes(v.organisationId));
  const voted = new Set(current.map((v) => v.organisationId));
  const waitingFor = partnerIds.filter((id) => !voted.has(id));
  const options = new Set(current.map((v) => v.decision));
  const differ = options.size > 1;
  const decided =
    partnerIds.length >= 2 && waitingFor.length === 0 && options.size === 1 ? current[0]!.decision : null;
  return { decided, waitingFor, differ };
}
