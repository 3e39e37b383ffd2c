import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revealProgress } from '../../src/domain/reveal/index.ts';

const s = (submitted: boolean, earlyReveal = false) => ({ submitted, earlyReveal });

describe('the reveal rule (RULES.md)', () => {
  it('never reveals one organisation alone, however it answered', () => {
    expect(revealProgress([])).toEqual({ reason: null, waiting: 'partner' });
    expect(revealProgress([s(true)])).toEqual({ reason: null, waiting: 'partner' });
    expect(revealProgress([s(true, true)])).toEqual({ reason: null, waiting: 'partner' });
  });

  it('reveals two partners that both submitted', () => {
    expect(revealProgress([s(true), s(true)])).toEqual({ reason: 'all-submitted', waiting: null });
  });

  it('reveals the mixed case: one submitted, the other chose to reveal early', () => {
    expect(revealProgress([s(true), s(false, true)])).toEqual({ reason: 'early', waiting: null });
  });

  it('waits for a partner that did neither', () => {
    expect(revealProgress([s(true), s(false)])).toEqual({ reason: null, waiting: 'partners' });
    expect(revealProgress([s(true), s(true), s(false)])).toEqual({ reason: null, waiting: 'partners' });
  });

  it('does not reveal when everybody chose early but nobody submitted', () => {
    expect(revealProgress([s(false, true), s(false, true)])).toEqual({ reason: null, waiting: 'submission' });
  });

  it('reveals exactly when two or more take part, all are done and one submitted', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ submitted: fc.boolean(), earlyReveal: fc.boolean() })), (states) => {
        const expected =
          states.length >= 2 &&
          states.every((x) => x.submitted || x.earlyReveal) &&
          states.some((x) => x.submitted);
        expect(revealProgress(states).reason !== null).toBe(expected);
        expect(revealProgress(states).waiting === null).toBe(expected);
      }),
    );
  });
});
