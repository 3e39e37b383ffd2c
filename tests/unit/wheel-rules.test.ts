import { describe, expect, it } from 'vitest';
import { translators } from '../../src/domain/i18n/catalogues.ts';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import {
  assessTopic,
  explainPlacement,
  placeStage,
  proposeAgenda,
  type Rating,
  type RoundRatings,
  timelinePoint,
  topicsOf,
} from '../../src/domain/wheel/index.ts';

const both = (a: Rating, b: Rating = a) => ({ se: a, co: b });
/** Every topic of the given stages rated by both partners. */
function rate(
  stages: string[],
  rating: Rating,
  overrides: Record<string, Record<string, Rating>> = {},
): RoundRatings {
  const out: RoundRatings = {};
  for (const t of wheel.topics) if (stages.includes(t.stage)) out[t.id] = both(rating);
  return { ...out, ...overrides };
}

describe('a topic', () => {
  it('is in place when at least two organisations rated it 3 or 4 and none said not relevant yet', () => {
    expect(assessTopic('ambition', both(3, 4)).inPlace).toBe(true);
    expect(assessTopic('ambition', { se: 4 }).inPlace).toBe(false);
    expect(assessTopic('ambition', both(2, 4)).inPlace).toBe(false);
    expect(assessTopic('ambition', { se: 4, co: 4, mu: 'nr' }).inPlace).toBe(false);
    expect(assessTopic('ambition', {}).inPlace).toBe(false);
  });

  it('has a gap when ratings differ by two points or more, not-relevant-yet ignored', () => {
    expect(assessTopic('ambition', both(4, 1))).toMatchObject({ gap: true, spread: 3 });
    expect(assessTopic('ambition', both(3, 2)).gap).toBe(false);
    expect(assessTopic('ambition', both(4, 'nr')).gap).toBe(false);
    expect(assessTopic('ambition', { se: 2, co: 3, mu: 4 }).gap).toBe(true);
  });
});

describe('the stage rule', () => {
  it('places a collaboration with nothing in place in Orientation, naming all Orientation topics', () => {
    const p = placeStage({});
    expect(p.stage).toBe('orientation');
    expect(p.notYetInPlace).toEqual(topicsOf('orientation').map((t) => t.id));
  });

  it('needs two of three Orientation topics in place in every domain', () => {
    // Two per domain in place, the third not: Orientation is in place.
    const ratings = rate(['orientation'], 4, {
      motivation: both(2),
      equality: both(1),
      transparency: both('nr'),
    });
    expect(placeStage(ratings).stage).toBe('integration');
    // One domain with only one topic in place keeps it in Orientation.
    const short = { ...ratings, goals: both(2) };
    const p = placeStage(short);
    expect(p.stage).toBe('orientation');
    expect(p.rings.orientation.domains['value-creation']).toEqual({ inPlace: 1, of: 3, ok: false });
    expect(p.notYetInPlace).toEqual(['goals', 'motivation', 'equality', 'transparency']);
  });

  it('moves to Transformation once Orientation and Integration are in place', () => {
    const p = placeStage(rate(['orientation', 'integration'], 3));
    expect(p.stage).toBe('transformation');
    expect(p.notYetInPlace).toEqual(['synergy', 'ecosystem', 'embeddedness']);
    expect(p.rings.transformation.inPlace).toBe(false);
    expect(
      placeStage(rate(['orientation', 'integration', 'transformation'], 4)).rings.transformation.inPlace,
    ).toBe(true);
  });

  it('lists gaps largest first, ties in wheel order', () => {
    const p = placeStage(
      rate(['orientation'], 3, { equality: both(4, 1), goals: both(4, 2), ambition: both(1, 3) }),
    );
    expect(p.gaps).toEqual(['equality', 'ambition', 'goals']);
  });
});

describe('the agenda', () => {
  const today = '2026-06-01';

  it('puts gaps first, then topics not in place in the current ring by lowest average, at most five', () => {
    const ratings = rate(['orientation'], 4, {
      equality: both(4, 1),
      goals: both(2, 2),
      motivation: both(2, 3),
      selection: both(1, 2),
    });
    const agenda = proposeAgenda(ratings, [], today);
    expect(agenda.map((i) => i.topicId)).toEqual(['equality', 'selection', 'goals', 'motivation']);
    expect(agenda[0]!.reason).toEqual({ kind: 'gap', ratings: { se: 4, co: 1 }, spread: 3 });
    expect(agenda[1]!.reason).toEqual({ kind: 'not-in-place', stage: 'orientation', average: 1.5 });
    expect(proposeAgenda({}, [], today)).toHaveLength(5);
  });

  it('breaks ties by ring, then domain, then topic order', () => {
    const agenda = proposeAgenda({}, [], today);
    // Nothing rated: all Orientation topics tie (no average); wheel order decides.
    expect(agenda.map((i) => i.topicId)).toEqual([
      'ambition',
      'goals',
      'motivation',
      'type',
      'willingness-to-invest',
    ]);
  });

  it('puts topics only rated "not relevant yet" after topics with a low rating', () => {
    const ratings = rate(['orientation'], 4, {
      ambition: both('nr'),
      goals: both(2),
      transparency: both(3, 2),
    });
    expect(proposeAgenda(ratings, [], today).map((i) => i.topicId)).toEqual([
      'goals',
      'transparency',
      'ambition',
    ]);
  });

  it('adds topics with overdue actions last, most overdue first, and never repeats a topic', () => {
    const ratings = rate(['orientation', 'integration'], 4, { risk: both(2), trust: both(2) });
    const actions = [
      { topicId: 'trust', dueDate: '2026-05-01', done: false },
      { topicId: 'visibility', dueDate: '2026-05-01', done: false },
      { topicId: 'visibility', dueDate: '2026-05-02', done: false },
      { topicId: 'risk', dueDate: '2026-05-01', done: false },
      { topicId: 'ambition', dueDate: '2026-07-01', done: false },
      { topicId: 'goals', dueDate: '2026-05-01', done: true },
    ];
    const agenda = proposeAgenda(ratings, actions, today);
    expect(agenda.map((i) => i.topicId)).toEqual(['risk', 'trust', 'visibility']);
    expect(agenda[2]!.reason).toEqual({ kind: 'overdue-actions', count: 2 });
  });
});

describe('the timeline', () => {
  it('gives the share of each ring and domain in place', () => {
    const point = timelinePoint(2, rate(['orientation'], 4, { ambition: both(1) }));
    expect(point.round).toBe(2);
    expect(point.rings.orientation.domains['value-creation']).toBeCloseTo(2 / 3);
    expect(point.rings.orientation.domains.resources).toBe(1);
    expect(point.rings.orientation.overall).toBeCloseTo(8 / 9);
    expect(point.rings.integration.overall).toBe(0);
    // The round's small wheel on the rounds tab: the eight orientation topics in place, not ambition.
    expect(point.inPlace).toHaveLength(8);
    expect(point.inPlace).not.toContain('ambition');
    expect(point.gaps).toEqual([]);
  });

  it('lists the topics where partners differed', () => {
    const point = timelinePoint(1, { ambition: { a: 1, b: 4 }, goals: { a: 3, b: 4 } });
    expect(point.gaps).toEqual(['ambition']);
    expect(point.inPlace).toEqual(['goals']);
  });
});

describe('the explanation', () => {
  it('names the stage, the rings in place, what is not yet in place and where partners differ, in both languages', () => {
    const facts = {
      round: 2,
      stage: 'integration' as const,
      ringsInPlace: ['orientation' as const],
      notYetInPlace: ['risk', 'trust'],
      gaps: ['equality'],
    };
    expect(explainPlacement(facts, 'en', translators.en)).toBe(
      'Integration. Orientation is in place in all three domains. Not yet in place: Risk (partnership processes), Trust (partnership processes). You see it differently on: Equality. Based on round 2.',
    );
    expect(explainPlacement(facts, 'nl', translators.nl)).toBe(
      'Integratie. Oriëntatie is op orde in alle drie de domeinen. Nog niet op orde: Risico (partnerschap), Vertrouwen (partnerschap). Jullie zien het verschillend bij: Gelijkwaardigheid. Op basis van ronde 2.',
    );
  });
});
