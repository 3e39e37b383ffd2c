/** Respondents a figure must rest on before it may leave the organisation that owns the answers. */
export const PROGRAMME_MINIMUM = 5;
export const PUBLIC_MINIMUM = 10;

export type Group = { key: string; count: number };

/**
 * Which groups to hide. A group resting on fewer than `minimum` respondents is hidden (primary suppression).
 * When a total of all groups is shown and exactly one group is hidden, it could be recovered by subtraction,
 * so the smallest other group is hidden too (complementary suppression). Groups of zero are not figures
 * about anyone and stay visible.
 */
export function suppressSmallGroups(groups: Group[], minimum: number, totalShown: boolean): Set<string> {
  const hidden = new Set(groups.filter((g) => g.count > 0 && g.count < minimum).map((g) => g.key));
  if (totalShown && hidden.size === 1) {
    const next = groups
      .filter((g) => !hidden.has(g.key) && g.count > 0)
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return hidden;
}

/** A single figure: shown only when it rests on at least `minimum` respondents. */
export function showable(count: number, minimum = PROGRAMME_MINIMUM): boolean {
  return count >= minimum;
}

/**
 * One statement of a cohort chart under a filter. It rests on `n` respondents; without the filter it rests on
 * `unfilteredN`. Shown only when n reaches the minimum and, under a filter, the respondents the filter leaves
 * out are none or also reach it — otherwise subtracting the filtered chart from the unfiltered one would
 * reveal a small group.
 */
export function cohortRowVisible(n: number, unfilteredN: number, minimum = PROGRAMME_MINIMUM): boolean {
  if (n < minimum) return false;
  const rest = unfilteredN - n;
  return rest === 0 || rest >= minimum;
}
