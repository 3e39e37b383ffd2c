import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  hasBegun,
  INDICATOR_LIBRARY,
  isPeriod,
  periodStart,
  progressOf,
  seriesOf,
} from '../../src/domain/ledger/index.ts';

describe('the indicator library', () => {
  it('gives every indicator a definition in both languages, a unit, a level and a direction', () => {
    expect(INDICATOR_LIBRARY.length).toBeGreaterThanOrEqual(9);
    for (const i of INDICATOR_LIBRARY) {
      expect(i.definition.nl.length, i.id).toBeGreaterThan(20);
      expect(i.definition.en.length, i.id).toBeGreaterThan(20);
      expect(i.unit.nl, i.id).toBeTruthy();
    }
    expect(new Set(INDICATOR_LIBRARY.map((i) => i.id)).size).toBe(INDICATOR_LIBRARY.length);
  });
});

describe('periods', () => {
  it('are months or quarters between 1900 and 2100, ordered by the day they start', () => {
    for (const ok of ['2026-03', '2026-Q1', '1900-01', '2100-Q4']) expect(isPeriod(ok), ok).toBe(true);
    for (const bad of [
      '2026-13',
      '2026-Q5',
      '0000-01',
      '2101-01',
      '2026-3',
      '2026-q1',
      ' 2026-03',
      '2026-03-01',
    ])
      expect(isPeriod(bad), bad).toBe(false);
    expect(periodStart('2026-Q3')).toBe('2026-07-01');
    expect(['2026-Q2', '2026-03', '2026-Q1'].sort(comparePeriods)).toEqual(['2026-Q1', '2026-03', '2026-Q2']);
    expect(hasBegun('2026-11', '2026-11-24')).toBe(true);
    expect(hasBegun('2026-12', '2026-11-24')).toBe(false);
    expect(hasBegun('2026-Q4', '2026-11-24')).toBe(true);
  });
});

describe('progress', () => {
  it('adds the partners’ values per period and compares the latest with its target in the right direction', () => {
    const series = seriesOf(
      [
        { organisationId: 'a', period: '2026-01', value: 2 },
        { organisationId: 'b', period: '2026-01', value: 1 },
        { organisationId: 'a', period: '2026-02', value: 4 },
      ],
      [
        { period: '2026-02', target: 5 },
        { period: '2026-03', target: 6 },
      ],
    );
    expect(series).toEqual([
      { period: '2026-01', total: 3, partners: 2, target: null },
      { period: '2026-02', total: 4, partners: 1, target: 5 },
      { period: '2026-03', total: 0, partners: 0, target: 6 },
    ]);
    expect(progressOf(series, 'up', 'flow')).toEqual({
      latest: { period: '2026-02', total: 4 },
      cumulative: 7,
      against: { period: '2026-02', total: 4, target: 5, met: false },
    });
    expect(progressOf(series, 'down', 'stock')).toMatchObject({ cumulative: null, against: { met: true } });
    expect(progressOf([], 'up', 'flow')).toEqual({ latest: null, cumulative: 0, against: null });
  });
});
