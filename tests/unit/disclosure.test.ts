import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CohortFigures,
  type CohortRespondent,
  changedSince,
  cohortFilterKey,
  cohortMatches,
  type PublishedSnapshot,
  parseFilterKey,
  planSnapshot,
  answeredMask,
} from '../../src/domain/disclosure/cohort.ts';
import { PROGRAMME_MINIMUM, releasableCells } from '../../src/domain/disclosure/release.ts';
import type { OrganisationType } from '../../src/domain/vocabulary.ts';

const MIN = PROGRAMME_MINIMUM;

function respondent(
  key: string,
  type: OrganisationType,
  period: number,
  values: (number | null)[] = [3],
  known = false,
  place: { latest: boolean; latestInPeriod: boolean } = { latest: true, latestInPeriod: true },
): CohortRespondent {
  return { key, type, period, known, values, ...place };
}

function publish(current: CohortRespondent[], previous: PublishedSnapshot[], items = 1): PublishedSnapshot {
  return {
    respondents: current.map(({ values, ...r }) => ({ ...r, answered: answeredMask(values) })),
    figures: planSnapshot(current, previous, items, MIN),
  };
}

const shown = (figures: CohortFigures, filter: { type?: OrganisationType; period?: number }, k = 0) =>
  figures[cohortFilterKey(filter)]?.[k] ?? null;

/**
 * The adversary: every cell a reader has seen is a row over the respondents; any subset whose indicator lies in
 * the rows' span is a group whose answers the reader can compute. Finds every such subset with 1–4 respondents
 * the reader did not know. Exhaustive over subsets, so only for small universes.
 */
function derivableSmallGroups(snapshots: PublishedSnapshot[], universe: string[], known: Set<string>, k = 0) {
  const P = 1_000_003;
  const index = new Map(universe.map((key, i) => [key, i]));
  const basis: number[][] = [];
  const reduce = (vector: number[]) => {
    const v = [...vector];
    for (const row of basis) {
      const pivot = row.findIndex((x) => x !== 0);
      if (v[pivot] === 0) continue;
      const factor = v[pivot]!;
      for (let j = 0; j < v.length; j++) v[j] = (((v[j]! - factor * row[j]!) % P) + P) % P;
    }
    return v;
  };
  const inverse = (a: number) => {
    let [r0, r1, s0, s1] = [P, a, 0, 1];
    while (r1 !== 0) {
      const q = Math.floor(r0 / r1);
      [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
    }
    return ((s0 % P) + P) % P;
  };
  const add = (vector: number[]) => {
    const v = reduce(vector);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) return;
    const scale = inverse(v[pivot]!);
    const row = v.map((x) => (x * scale) % P);
    for (const other of basis) {
      const factor = other[pivot]!;
      if (factor)
        for (let j = 0; j < row.length; j++) other[j] = (((other[j]! - factor * row[j]!) % P) + P) % P;
    }
    basis.push(row);
  };
  for (const snapshot of snapshots)
    for (const [key, perStatement] of Object.entries(snapshot.figures)) {
      if (!perStatement[k]) continue;
      const filter = parseFilterKey(key);
      const row = universe.map(() => 0);
      for (const r of snapshot.respondents)
        if (r.answered & (1 << k) && cohortMatches(filter, r)) row[index.get(r.key)!] = 1;
      add(row);
    }
  const found: string[][] = [];
  for (let subset = 1; subset < 1 << universe.length; subset++) {
    const members = universe.filter((_, i) => subset & (1 << i));
    const unknown = members.filter((m) => !known.has(m)).length;
    if (unknown === 0 || unknown >= MIN) continue;
    const vector = universe.map((_, i) => (subset & (1 << i) ? 1 : 0));
    if (reduce(vector).every((x) => x === 0)) found.push(members);
  }
  return found;
}

describe('disclosure control', () => {
  it('the adversary finds the filter-pair leak when every cell of five or more is shown', () => {
    // Six WISEs in period 1, one in period 2: 7 minus 6 is one organisation's answers.
    const current = [
      ...Array.from({ length: 6 }, (_, i) => respondent(`w${i}`, 'wise', 1)),
      respondent('late', 'wise', 2),
    ];
    const naive: PublishedSnapshot = {
      respondents: current.map(({ values, ...r }) => ({ ...r, answered: 1 })),
      figures: {
        [cohortFilterKey({ type: 'wise' })]: [{ n: 7, counts: [] }],
        [cohortFilterKey({ type: 'wise', period: 1 })]: [{ n: 6, counts: [] }],
      },
    };
    const universe = current.map((r) => r.key);
    expect(derivableSmallGroups([naive], universe, new Set())).toContainEqual(['late']);

    const planned = publish(current, []);
    expect(shown(planned.figures, { type: 'wise' })?.n).toBe(7);
    expect(shown(planned.figures, { type: 'wise', period: 1 })).toBeNull();
    expect(shown(planned.figures, { period: 1 })).toBeNull();
    expect(derivableSmallGroups([planned], universe, new Set())).toEqual([]);
  });

  it('counts one assessment per organisation and collaboration: the latest, or the latest in the period', () => {
    const now = Array.from({ length: 5 }, (_, i) => respondent(`new${i}`, 'wise', 2026, [4]));
    // The same five collaborations a year earlier: no longer in the total, still in 2025.
    const before = Array.from({ length: 5 }, (_, i) =>
      respondent(`old${i}`, 'wise', 2025, [2], false, { latest: false, latestInPeriod: true }),
    );
    const planned = publish([...now, ...before], []);
    expect(shown(planned.figures, {})).toEqual({ n: 5, counts: [0, 0, 0, 5, 0] });
    expect(shown(planned.figures, { period: 2025 })).toEqual({ n: 5, counts: [0, 5, 0, 0, 0] });
    expect(shown(planned.figures, { period: 2026 })).toEqual({ n: 5, counts: [0, 0, 0, 5, 0] });
    expect(
      derivableSmallGroups(
        [planned],
        [...now, ...before].map((r) => r.key),
        new Set(),
      ),
    ).toEqual([]);
  });

  it('a consent between two snapshots changes nothing until five respondents changed', () => {
    const five = Array.from({ length: 5 }, (_, i) => respondent(`o${i}`, 'wise', 1, [(i % 5) + 1]));
    const first = publish(five, []);
    expect(shown(first.figures, {})?.n).toBe(5);
    const six = [...five, respondent('new', 'wise', 1, [2])];
    expect(changedSince(six, first)).toBe(1);
    const second = publish(six, [first]);
    expect(shown(second.figures, {})).toBeNull();
    expect(
      derivableSmallGroups(
        [first, second],
        six.map((r) => r.key),
        new Set(),
      ),
    ).toEqual([]);
  });

  it('respondents the reader knows do not make a group large enough', () => {
    // Four padded organisations the facilitator created, one real one of the same unusual type.
    const current = [
      ...Array.from({ length: 4 }, (_, i) => respondent(`pad${i}`, 'training-centre', 1, [1], true)),
      respondent('target', 'training-centre', 1, [5]),
      ...Array.from({ length: 8 }, (_, i) => respondent(`c${i}`, 'regular-company', 1, [3])),
    ];
    const planned = publish(current, []);
    expect(shown(planned.figures, { type: 'training-centre' })).toBeNull();
    // The total is shown (nine the facilitator does not know); the companies alone are not, since the total
    // minus the companies is the padded group with one real organisation in it.
    expect(shown(planned.figures, {})?.n).toBe(13);
    expect(shown(planned.figures, { type: 'regular-company' })).toBeNull();
    const known = new Set(current.filter((r) => r.known).map((r) => r.key));
    expect(
      derivableSmallGroups(
        [planned],
        current.map((r) => r.key),
        known,
      ),
    ).toEqual([]);
    expect(changedSince(current, undefined)).toBe(9);
  });

  it('needs a released cell to be at least the minimum, even of known respondents', () => {
    const groups = [{ attrs: 'x', unknown: 0, known: 3 }];
    expect(
      releasableCells({
        groups,
        released: [],
        candidates: [{ key: 'all', contains: () => true }],
        minimum: MIN,
      }),
    ).toEqual([]);
  });

  it('no sequence of consents, withdrawals and publications lets a reader derive a group under five', () => {
    const types: OrganisationType[] = ['wise', 'regular-company', 'municipality'];
    const universe = fc.array(
      fc.record({
        type: fc.constantFrom(...types),
        period: fc.integer({ min: 1, max: 2 }),
        // An older assessment of the same organisation in the same collaboration is counted only in its period.
        older: fc.boolean(),
        known: fc.boolean(),
        a: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        b: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      }),
      { minLength: 5, maxLength: 11 },
    );
    const events = fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant('publish' as const)), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        universe,
        fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
        events,
        (people, initial, steps) => {
          const all = people.map((p, i) =>
            respondent(`r${i}`, p.type, p.period, [p.a, p.b], p.known && i % 3 === 0, {
              latest: !p.older,
              latestInPeriod: true,
            }),
          );
          const consenting = new Set(all.filter((_, i) => initial[i]).map((r) => r.key));
          const snapshots: PublishedSnapshot[] = [];
          for (const step of [...steps, 'publish' as const]) {
            if (step === 'publish') {
              const current = all.filter((r) => consenting.has(r.key));
              // The service publishes only when at least the minimum changed; the rule must hold either way.
              if (changedSince(current, snapshots.at(-1)) >= MIN || snapshots.length % 2 === 1)
                snapshots.push(publish(current, snapshots, 2));
            } else if (step < all.length) {
              const key = all[step]!.key;
              if (consenting.has(key)) consenting.delete(key);
              else consenting.add(key);
            }
          }
          const known = new Set(all.filter((r) => r.known).map((r) => r.key));
          const keys = all.map((r) => r.key);
          expect(derivableSmallGroups(snapshots, keys, known, 0)).toEqual([]);
          expect(derivableSmallGroups(snapshots, keys, known, 1)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
