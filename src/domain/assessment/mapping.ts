import { assessment } from '../instrument/assessment.ts';
import type { AssessmentAnswers } from './continuum.ts';

/**
 * Which wheel topics to talk about when partners differ on a statement (docs/rules.md). Keyed by the
 * statement's component in instrument/assessment.json; values are topic ids of instrument/wheel.json.
 */
export const STATEMENT_TOPICS: Record<string, readonly string[]> = {
  selection: ['selection', 'type'],
  formation: ['selection', 'formation'],
  operation: ['commitment', 'willingness-to-invest'],
  formalisation: ['formation', 'embeddedness'],
  nature: ['type', 'complementarity'],
  direction: ['type', 'equality'],
  complementarity: ['complementarity'],
  equivalency: ['equality', 'transparency'],
  transaction: ['added-value', 'ambition'],
  reputation: ['visibility'],
  interaction: ['innovation', 'added-value'],
  synergy: ['synergy', 'ecosystem'],
};

export const DIFFERENCE_THRESHOLD = 2;

export type StatementDifference = {
  component: string;
  itemId: string;
  spread: number;
  topics: readonly string[];
};

/** Statements on which partners' answers differ by two points or more, with the topics to discuss. */
export function statementDifferences(byOrganisation: AssessmentAnswers[]): StatementDifference[] {
  const out: StatementDifference[] = [];
  for (const item of assessment.items) {
    const values = byOrganisation
      .map((a) => a[item.component])
      .filter((v): v is 1 | 2 | 3 | 4 | 5 => typeof v === 'number');
    if (values.length < 2) continue;
    const spread = Math.max(...values) - Math.min(...values);
    if (spread >= DIFFERENCE_THRESHOLD) {
      out.push({
        component: item.component,
        itemId: item.id,
        spread,
        topics: STATEMENT_TOPICS[item.component] ?? [],
      });
    }
  }
  return out.sort((a, b) => b.spread - a.spread);
}
