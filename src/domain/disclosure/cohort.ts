import { ORGANISATION_TYPES, type OrganisationType } from '../vocabulary.ts';
import { type Cell, type RespondentGroup, releasableCells } from './release.ts';

/**
 * The cohort chart's disclosure control. A respondent is one organisation's submitted self-assessment of one
 * revealed collaboration round (it can no longer change). The chart counts one per organisation per
 * collaboration: the latest revealed, or under a period filter the latest revealed in that period (a calendar
 * year: collaborations number their rounds each on their own, so "round 2" means nothing across a cohort).
 * Figures come only from published snapshots; each snapshot releases the cells that keep every derivable
 * group, across all filters and all earlier snapshots, at zero or at least the minimum of respondents the
 * facilitator does not know.
 */

export type CohortFilter = { type?: OrganisationType | undefined; period?: number | undefined };
/** A count per answer value 1…5 and how many answered; null where the cell is not released. */
export type CohortFigure = { n: number; counts: number[] };
/** Per filter key, one figure per statement in the instrument's order. */
export type CohortFigures = Record<string, (CohortFigure | null)[]>;

/** Where a respondent falls: which cells of a snapshot hold it. */
export type CohortPlace = {
  type: OrganisationType;
  /** The calendar year its self-assessment was revealed in. */
  period: number;
  /** The latest revealed of its organisation in its collaboration: counted when no period is chosen. */
  latest: boolean;
  /** The latest revealed of its organisation in its collaboration within its period. */
  latestInPeriod: boolean;
};

export type CohortRespondent = CohortPlace & {
  /** Stable across snapshots: the round and the organisation. */
  key: string;
  /** The facilitator belongs to or created the organisation, so already knows its answers. */
  known: boolean;
  /** The answers in the instrument's order, null for "no answer". */
  values: readonly (number | null)[];
};

/** What a snapshot keeps of a respondent: who, how it was filed, which statements it answered. No answers. */
export type SnapshotRespondent = Omit<CohortRespondent, 'values'> & { answered: number };
export type PublishedSnapshot = { respondents: readonly SnapshotRespondent[]; figures: CohortFigures };

export const cohortFilterKey = (filter: CohortFilter) => `${filter.type ?? '*'}|${filter.period ?? '*'}`;

/** Which statements a respondent answered, as a bit per statement. */
export function answeredMask(values: readonly (number | null)[]): number {
  return values.reduce<number>((mask, v, k) => (v === null ? mask : mask | (1 << k)), 0);
}

/** The filters a reader can ask for, most useful first: everyone, by type, by period, by both. */
export function cohortFilters(periods: readonly number[]): CohortFilter[] {
  return [
    {},
    ...ORGANISATION_TYPES.map((type) => ({ type })),
    ...periods.map((period) => ({ period })),
    ...ORGANISATION_TYPES.flatMap((type) => periods.map((period) => ({ type, period }))),
  ];
}

/** The periods a snapshot's figures hold, oldest first: what a reader can choose from. */
export function cohortPeriods(figures: CohortFigures): number[] {
  const periods = Object.keys(figures)
    .map((key) => parseFilterKey(key).period)
    .filter((p): p is number => p !== undefined);
  return [...new Set(periods)].sort((a, b) => a - b);
}

export const cohortMatches = (filter: CohortFilter, at: CohortPlace | undefined) =>
  at !== undefined &&
  (filter.type === undefined || filter.type === at.type) &&
  (filter.period === undefined ? at.latest : filter.period === at.period && at.latestInPeriod);
const matches = cohortMatches;

/** How many respondents unknown to the facilitator came or went since the last snapshot. */
export function changedSince(
  current: readonly CohortRespondent[],
  last: PublishedSnapshot | undefined,
): number {
  const before = new Set((last?.respondents ?? []).filter((r) => !r.known).map((r) => r.key));
  const now = new Set(current.filter((r) => !r.known).map((r) => r.key));
  let changed = 0;
  for (const key of now) if (!before.has(key)) changed++;
  for (const key of before) if (!now.has(key)) changed++;
  return changed;
}

/** The figures a new snapshot of `current` may show, given every snapshot published before. */
export function planSnapshot(
  current: readonly CohortRespondent[],
  previous: readonly PublishedSnapshot[],
  items: number,
  minimum: number,
): CohortFigures {
  const filters = cohortFilters([...new Set(current.map((r) => r.period))].sort((a, b) => a - b));
  const figures: CohortFigures = Object.fromEntries(
    filters.map((f) => [cohortFilterKey(f), Array<CohortFigure | null>(items).fill(null)]),
  );
  const now = previous.length;
  for (let k = 0; k < items; k++) {
    const groups = groupsFor(k, current, previous);
    const released: Cell<Placement>[] = previous.flatMap((snapshot, s) =>
      Object.entries(snapshot.figures)
        .filter(([, perStatement]) => perStatement[k])
        .map(([key]) => cell(s, parseFilterKey(key))),
    );
    const candidates = filters.map((f) => cell(now, f));
    // Answers counted once per place (kind, period, latest or not); a released cell adds up the ones it covers.
    const atoms = new Map<string, CohortPlace & { counts: number[] }>();
    for (const r of current) {
      const v = r.values[k];
      if (v == null) continue;
      const id = placeKey(r);
      const atom = atoms.get(id) ?? { ...toPlace(r), counts: [0, 0, 0, 0, 0] };
      atom.counts[v - 1]!++;
      atoms.set(id, atom);
    }
    for (const key of releasableCells({ groups, released, candidates, minimum })) {
      const filter = parseFilterKey(key.slice(key.indexOf('@') + 1));
      const counts = [0, 0, 0, 0, 0];
      for (const atom of atoms.values())
        if (matches(filter, atom)) for (let v = 0; v < 5; v++) counts[v]! += atom.counts[v]!;
      figures[cohortFilterKey(filter)]![k] = { n: counts.reduce((a, b) => a + b, 0), counts };
    }
  }
  return figures;
}

const toPlace = (r: CohortPlace): CohortPlace => ({
  type: r.type,
  period: r.period,
  latest: r.latest,
  latestInPeriod: r.latestInPeriod,
});
const placeKey = (p: CohortPlace) => `${p.type}|${p.period}|${p.latest}|${p.latestInPeriod}`;

/** Where a respondent sits in each snapshot that holds it (by snapshot index). */
type Placement = { at: Map<number, CohortPlace> };

function cell(snapshot: number, filter: CohortFilter): Cell<Placement> {
  return {
    key: `${snapshot}@${cohortFilterKey(filter)}`,
    contains: (p) => matches(filter, p.at.get(snapshot)),
  };
}

export function parseFilterKey(key: string): CohortFilter {
  const [type, period] = key.split('|');
  return {
    type: type === '*' ? undefined : (type as OrganisationType),
    period: period === '*' || period === undefined ? undefined : Number(period),
  };
}

/** Respondents who answered statement k, now or in any snapshot, grouped by where they sit in each. */
function groupsFor(
  k: number,
  current: readonly CohortRespondent[],
  previous: readonly PublishedSnapshot[],
): RespondentGroup<Placement>[] {
  const people = new Map<string, { at: Placement['at']; known: boolean }>();
  const place = (snapshot: number, r: CohortPlace & { key: string; known: boolean }) => {
    const person = people.get(r.key) ?? { at: new Map(), known: false };
    person.at.set(snapshot, toPlace(r));
    person.known ||= r.known;
    people.set(r.key, person);
  };
  previous.forEach((snapshot, s) => {
    for (const r of snapshot.respondents) if (r.answered & (1 << k)) place(s, r);
  });
  for (const r of current) if (r.values[k] != null) place(previous.length, r);

  const groups = new Map<string, RespondentGroup<Placement>>();
  for (const person of people.values()) {
    const signature = [...person.at].map(([s, p]) => `${s}:${placeKey(p)}`).join(',');
    const group = groups.get(signature) ?? { attrs: { at: person.at }, unknown: 0, known: 0 };
    if (person.known) group.known++;
    else group.unknown++;
    groups.set(signature, group);
  }
  return [...groups.values()];
}
