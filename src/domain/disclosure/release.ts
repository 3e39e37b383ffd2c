/**
 * Disclosure control for every aggregate that leaves the organisations that own the answers: the programme's
 * cohort chart today, the impact ledger's outcome figures next. Decision 0010 argues the rule.
 *
 * A person who can read several cells (a cell is one figure under one combination of filters, in one published
 * snapshot) can add and subtract them. Every such combination is constant on each block of the partition that
 * the readable cells cut the respondents into, so the groups anyone can derive are exactly unions of blocks. A
 * cell is released only when, with it and every cell released before, each block holds no respondent the
 * reader does not already know, or at least `minimum` of them.
 */

/** Respondents a figure must rest on before it may leave the organisations that own the answers. */
export const PROGRAMME_MINIMUM = 5;
/** The threshold for open data and public figures (RULES.md, Small groups). */
export const PUBLIC_MINIMUM = 10;

/**
 * Respondents that every cell treats alike, counted rather than listed. `known` counts those whose answers
 * the reader already has (their own organisations, or ones they created): they never make a group large enough.
 */
export type RespondentGroup<A> = { attrs: A; unknown: number; known: number };

/** One figure a reader can see: the respondents it rests on are the groups it contains. */
export type Cell<A> = { key: string; contains: (attrs: A) => boolean };

export type ReleaseInput<A> = {
  groups: readonly RespondentGroup<A>[];
  /** Cells the reader has been able to see before; they may have kept them. */
  released: readonly Cell<A>[];
  /** Cells that could be released now, most useful first: an earlier one wins a conflict. */
  candidates: readonly Cell<A>[];
  minimum: number;
};

/** The keys of the candidates that can be released, in the candidates' order. */
export function releasableCells<A>(input: ReleaseInput<A>): string[] {
  const { groups, minimum } = input;
  let blocks = groups.map(() => 0);
  for (const cell of input.released) blocks = split(blocks, groups, cell);
  const released: string[] = [];
  for (const cell of input.candidates) {
    const size = groups.reduce((n, g) => n + (cell.contains(g.attrs) ? g.unknown + g.known : 0), 0);
    if (size < minimum) continue;
    const next = split(blocks, groups, cell);
    if (!everyBlockSafe(next, groups, minimum)) continue;
    blocks = next;
    released.push(cell.key);
  }
  return released;
}

/** Whether the cells a reader has seen already leave no small group to derive. */
export function safeToHaveSeen<A>(
  groups: readonly RespondentGroup<A>[],
  cells: readonly Cell<A>[],
  minimum: number,
) {
  let blocks = groups.map(() => 0);
  for (const cell of cells) blocks = split(blocks, groups, cell);
  return everyBlockSafe(blocks, groups, minimum);
}

function split<A>(blocks: number[], groups: readonly RespondentGroup<A>[], cell: Cell<A>): number[] {
  const ids = new Map<string, number>();
  return blocks.map((block, i) => {
    const key = `${block}:${cell.contains(groups[i]!.attrs) ? 1 : 0}`;
    const id = ids.get(key) ?? ids.size;
    ids.set(key, id);
    return id;
  });
}

function everyBlockSafe<A>(blocks: number[], groups: readonly RespondentGroup<A>[], minimum: number) {
  const unknown = new Map<number, number>();
  for (const [i, block] of blocks.entries())
    unknown.set(block, (unknown.get(block) ?? 0) + groups[i]!.unknown);
  for (const n of unknown.values()) if (n > 0 && n < minimum) return false;
  return true;
}
