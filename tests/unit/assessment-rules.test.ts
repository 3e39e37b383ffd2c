import { describe, expect, it } from 'vitest';
import {
  explainContinuum,
  meanAnswers,
  placeOnContinuum,
  STATEMENT_TOPICS,
  statementDifferences,
} from '../../src/domain/assessment/index.ts';
import { translators } from '../../src/domain/i18n/catalogues.ts';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { wheel } from '../../src/domain/instrument/wheel.ts';

describe('the collaboration continuum', () => {
  it('is philanthropic when resources do not flow both ways, whatever else', () => {
    const p = placeOnContinuum({ direction: 2, interaction: 5, operation: 5, complementarity: 5, nature: 5 });
    expect(p.position).toBe('philanthropic');
    expect(p.decidedBy).toEqual([{ component: 'direction', value: 2 }]);
  });

  it('is integrative from a mean of 4 on the four integrative statements, transactional below', () => {
    expect(
      placeOnContinuum({ direction: 4, interaction: 4, operation: 4, complementarity: 4, nature: 4 })
        .position,
    ).toBe('integrative');
    const below = placeOnContinuum({
      direction: 4,
      interaction: 4,
      operation: 4,
      complementarity: 4,
      nature: 3,
    });
    expect(below.position).toBe('transactional');
    expect(below.integrativeMean).toBe(3.75);
  });

  it('is transformational when integrative, synergy ≥ 4 and formally laid down ≥ 3', () => {
    const base = { interaction: 5, operation: 4, complementarity: 5, nature: 4, synergy: 4 };
    expect(placeOnContinuum({ ...base, formalisation: 3 }).position).toBe('transformational');
    expect(placeOnContinuum({ ...base, formalisation: 2 }).position).toBe('integrative');
    expect(placeOnContinuum({ ...base, formalisation: null }).position).toBe('integrative');
  });

  it('uses only answered statements, and needs at least two of the integrative ones', () => {
    expect(placeOnContinuum({ interaction: 5, operation: null }).position).toBe('not-enough-answers');
    expect(placeOnContinuum({ interaction: 5, complementarity: 4 }).position).toBe('integrative');
    expect(placeOnContinuum({}).position).toBe('not-enough-answers');
  });

  it('places the mean of partners, answered items only', () => {
    const mean = meanAnswers([
      { interaction: 5, operation: 4, complementarity: 5, nature: null },
      { interaction: 3, operation: 4, complementarity: 4, nature: 4 },
    ]);
    expect(mean).toMatchObject({ interaction: 4, operation: 4, complementarity: 4.5, nature: 4 });
    expect(placeOnContinuum(mean).position).toBe('integrative');
  });

  it('explains which statements decided, in both languages', () => {
    const p = placeOnContinuum({ interaction: 4, operation: 5 });
    expect(explainContinuum(p, 'en', translators.en)).toBe(
      'Integrative: Interaction 4, Operation 5 (mean 4.5).',
    );
    expect(explainContinuum(p, 'nl', translators.nl)).toMatch(/^Integratief: .* \(gemiddeld 4,5\)\.$/);
    expect(explainContinuum(placeOnContinuum({}), 'nl', translators.nl)).toBe(
      'Te weinig antwoorden om te plaatsen.',
    );
  });
});

describe('statement-to-topic mapping', () => {
  it('covers every statement and points only at wheel topics', () => {
    const topics = new Set(wheel.topics.map((t) => t.id));
    expect(Object.keys(STATEMENT_TOPICS).sort()).toEqual(assessment.items.map((i) => i.component).sort());
    for (const list of Object.values(STATEMENT_TOPICS))
      for (const t of list) expect(topics.has(t), t).toBe(true);
    expect(STATEMENT_TOPICS.equivalency).toEqual(['equality', 'transparency']);
  });

  it('flags a difference of two points or more and links the topics to talk about', () => {
    const diffs = statementDifferences([
      { complementarity: 5, equivalency: 4, reputation: 3 },
      { complementarity: 3, equivalency: 1, reputation: 4 },
    ]);
    expect(diffs.map((d) => [d.component, d.spread, d.topics])).toEqual([
      ['equivalency', 3, ['equality', 'transparency']],
      ['complementarity', 2, ['complementarity']],
    ]);
  });
});
