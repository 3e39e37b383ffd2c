import { partneringProcess } from '../instrument/process.ts';

/**
 * The appropriateness and readiness checks of the partnering process, answered privately per partner and
 * revealed together by the wheel's reveal rule (domain/reveal). Asked at the start and again before Scale.
 */
export const CHECK_MOMENTS = ['start', 'before-scale'] as const;
export type CheckMoment = (typeof CHECK_MOMENTS)[number];
export const CHECK_KINDS = ['appropriateness', 'readiness'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
/** The wheel's scale: 1 not at all, 2 a little, 3 largely, 4 fully. */
export type CheckRating = 1 | 2 | 3 | 4;

export const CHECK_CRITERIA: readonly { id: string; kind: CheckKind }[] = [
  ...partneringProcess.appropriateness.map((c) => ({ id: c.id, kind: 'appropriateness' as const })),
  ...partneringProcess.readiness.map((c) => ({ id: c.id, kind: 'readiness' as const })),
];

/**
 * The wheel topics each criterion touches: where a partnership that falls short on it starts its conversation.
 * Chosen by reading both instruments side by side (docs/process.md explains each pairing).
 */
export const CRITERION_TOPICS: Record<string, readonly string[]> = {
  'multiple-sectors': ['selection', 'complementarity'],
  'multiple-interventions': ['innovation', 'synergy'],
  'significant-problem': ['ambition', 'goals'],
  'legitimacy-and-champion': ['visibility', 'commitment'],
  urgency: ['motivation', 'ambition'],
  resources: ['willingness-to-invest', 'commitment'],
  trust: ['trust', 'transparency'],
};

export function isCriterionId(id: string): boolean {
  return CHECK_CRITERIA.some((c) => c.id === id);
}

export type CheckAnswer = { organisationId: string; criterionId: string; rating: CheckRating | null };

export type CriterionOutcome = {
  criterionId: string;
  kind: CheckKind;
  /** holds: every partner rated it 3 or 4; weak: someone rated it 1 or 2; unrated: nobody rated it. */
  status: 'holds' | 'weak' | 'unrated';
  lowest: CheckRating | null;
  /** Ratings two or more apart: the partners see it differently, which is worth a conversation in itself. */
  differ: boolean;
  topics: readonly string[];
};

export type CheckAdvice = {
  /** go: every criterion holds; not-yet: some are weak; incomplete: some were rated by nobody. */
  verdict: 'go' | 'not-yet' | 'incomplete';
  /** The multi-party approach itself may not fit (an appropriateness criterion is weak). */
  approachInDoubt: boolean;
  weak: string[];
  /** Wheel topics to start with, in criterion order, each once. */
  startWith: string[];
};

/** Combines revealed answers into one outcome per criterion and plain advice (RULES.md style: explainable). */
export function combineChecks(answers: readonly CheckAnswer[]): {
  criteria: CriterionOutcome[];
  advice: CheckAdvice;
} {
  const criteria = CHECK_CRITERIA.map(({ id, kind }): CriterionOutcome => {
    const ratings = answers
      .filter((a) => a.criterionId === id && a.rating !== null)
      .map((a) => a.rating as CheckRating);
    const lowest = ratings.length ? (Math.min(...ratings) as CheckRating) : null;
    const status = lowest === null ? 'unrated' : lowest <= 2 ? 'weak' : 'holds';
    const differ = ratings.length > 1 && Math.max(...ratings) - Math.min(...ratings) >= 2;
    return { criterionId: id, kind, status, lowest, differ, topics: CRITERION_TOPICS[id] ?? [] };
  });
  const weak = criteria.filter((c) => c.status === 'weak');
  const verdict = weak.length
    ? 'not-yet'
    : criteria.some((c) => c.status === 'unrated')
      ? 'incomplete'
      : 'go';
  return {
    criteria,
    advice: {
      verdict,
      approachInDoubt: weak.some((c) => c.kind === 'appropriateness'),
      weak: weak.map((c) => c.criterionId),
      startWith: [...new Set(weak.flatMap((c) => c.topics))],
    },
  };
}
