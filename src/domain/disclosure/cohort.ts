import { ORGANISATION_TYPES, type OrganisationType } from '../vocabulary.ts';
import { type Cell, type RespondentGroup, releasableCells } from './release.ts';

/**
 * The cohort chart's disclosure control. A respondent is one organisation's submitted self-assessment of one
 * revealed collaboration round (it can no longer change). Figures come only from published snapshots; each
 * snapshot releases the cells that keep every derivable group, across all filters and all earlier snapshots,
 * at zero or at least the minimum of respondents the facilitator does not know.
 */

export type CohortFilter = { type?: OrganisationType | undefined; round?: number | undefined };
/** A count per answer value 1…5 and how many answered; null where the cell is not released. */
export type CohortFigure = { n: number; counts: number[] };
/** Per filter key, one figure per statement in the instrument's order. */
export type CohortFigures = Record<string, (CohortFigure | null)[]>;

export type CohortRespondent = {
  /** Stable across snapshots: the round and the organisation. */
  key: string;
  type: OrganisationType;
  round: number;
  /** The facilitator belongs to or created the organisation, so already knows its answers. */
  known: boolean;
  /** The answers in the instrument's order, null for "no answer". */
  values: readonly (number | null)[];
};

/** What a snapshot keeps of a respondent: who, how it was filed, which statements it answered. No answers. */
export type SnapshotRespondent = Omit<CohortRespondent, 'values'> & { answered: number };
export type PublishedSnapshot = { respondents: readonly SnapshotRespondent[]; figures: CohortFigures };

export const cohortFilterKey = (filter: CohortFilter) => `${filter.type ?? '*'}|${filter.round ?? '*'}`;

/** Which statements a respondent answered, as a bit per statement. */
export function answeredMask(values: readonly (number | null)[]): number {
  return values.reduce<number>((mask, v, k) => (v === null ? mask : mask | (1 << k)), 0);
}

/** The filters a reader can ask for, most useful first: everyone, by type, by round, by both. */
export function cohortFilters(rounds: number): CohortFilter[] {
  const numbers = Array.from({ length: rounds }, (_, i) => i + 1);
  return [
    {},
    ...ORGANISATION_TYPES.map((type) => ({ type })),
    ...numbers.map((round) => ({ round })),
    ...ORGANISATION_TYPES.flatMap((type) => numbers.map((round) => ({ type, round }))),
  ];
}

const matches = (filter: CohortFilter, at: { type: OrganisationType; round: number } | undefined) =>
  at !== undefined &&
  (filter.type === undefined || filter.type === at.type) &&
  (filter.round === undefined || filter.round === at.round);

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
  const rounds = Math.max(0, ...current.map((r) => r.round));
  const filters = cohortFilters(rounds);
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
    // Answers counted once per kind of organisation and round; a released cell adds up the ones it covers.
    const atoms = new Map<string, { type: OrganisationType; round: number; counts: number[] }>();
    for (const r of current) {
      const v = r.values[k];
      if (v == null) continue;
      const id = `${r.type}|${r.round}`;
      const atom = atoms.get(id) ?? { type: r.type, round: r.round, counts: [0, 0, 0, 0, 0] };
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

/** Where a respondent sits in each snapshot that holds it (by snapshot index). */
type Placement = { at: Map<number, { type: OrganisationType; round: number }> };

function cell(snapshot: number, filter: CohortFilter): Cell<Placement> {
  return {
    key: `${snapshot}@${cohortFilterKey(filter)}`,
    contains: (p) => matches(filter, p.at.get(snapshot)),
  };
}

export function parseFilterKey(key: string): CohortFilter {
  const [type, round] = key.split('|');
  return {
    type: type === '*' ? undefined : (type as OrganisationType),
    round: round === '*' || round === undefined ? undefined : Number(round),
  };
}

/** Respondents who answered statement k, now or in any snapshot, grouped by where they sit in each. */
function groupsFor(
  k: number,
  current: readonly CohortRespondent[],
  previous: readonly PublishedSnapshot[],
): RespondentGroup<Placement>[] {
  const people = new Map<string, { at: Placement['at']; known: boolean }>();
  const place = (key: string, snapshot: number, type: OrganisationType, round: number, known: boolean) => {
    const person = people.get(key) ?? { at: new Map(), known: false };
    person.at.set(snapshot, { type, round });
    person.known ||= known;
    people.set(key, person);
  };
  previous.forEach((snapshot, s) => {
    for (const r of snapshot.respondents)
      if (r.answered & (1 << k)) place(r.key, s, r.type, r.round, r.known);
  });
  for (const r of current) if (r.values[k] != null) place(r.key, previous.length, r.type, r.round, r.known);

  const groups = new Map<string, RespondentGroup<Placement>>();
  for (const person of people.values()) {
    const signature = [...person.at].map(([s, p]) => `${s}:${p.type}:${p.round}`).join(',');
    const group = groups.get(signature) ?? { attrs: { at: person.at }, unknown: 0, known: 0 };
    if (person.known) group.known++;
    else group.unknown++;
    groups.set(signature, group);
  }
  return [...groups.values()];
}
