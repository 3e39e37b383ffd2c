import type { PlatformRole } from '../vocabulary.ts';

/** What the dashboard knows about one collaboration of the acting organisation. */
export type CollaborationState = {
  id: string;
  name: string;
  partners: number;
  archived: boolean;
  roundRevealed: boolean;
  weSubmitted: boolean;
  openActions: number;
  overdueActions: number;
};

export type PersonState = {
  /** Organisations the person belongs to, and whether one is active. */
  organisations: number;
  activeOrganisation: boolean;
  platformRoles: readonly PlatformRole[];
  collaborations: readonly CollaborationState[];
};

export type NextStep =
  | { kind: 'create-organisation' }
  | { kind: 'choose-organisation' }
  | { kind: 'start-collaboration' }
  | { kind: 'overdue-actions'; collaborationId: string; name: string; count: number }
  | { kind: 'answer'; collaborationId: string; name: string }
  | { kind: 'invite-partner'; collaborationId: string; name: string }
  | { kind: 'plan-conversation'; collaborationId: string; name: string }
  | { kind: 'waiting'; collaborationId: string; name: string }
  | { kind: 'programmes' }
  | { kind: 'admin' };

const MOST = 5;

/**
 * The dashboard's "Wat nu?": what this person can usefully do next, most pressing first (issue 10, point 14).
 * Overdue actions come before answering, answering before inviting (a partner can join while you answer), and
 * a revealed round asks for the conversation. Waiting for a partner is said last: there is nothing to do.
 */
export function nextSteps(person: PersonState): NextStep[] {
  const steps: NextStep[] = [];
  if (person.platformRoles.includes('facilitator')) steps.push({ kind: 'programmes' });
  if (person.platformRoles.includes('platform_admin')) steps.push({ kind: 'admin' });
  if (person.organisations === 0) return [{ kind: 'create-organisation' }, ...steps];
  if (!person.activeOrganisation) return [{ kind: 'choose-organisation' }, ...steps];
  const open = person.collaborations.filter((c) => !c.archived);
  if (open.length === 0) return [{ kind: 'start-collaboration' }, ...steps];
  const ref = (c: CollaborationState) => ({ collaborationId: c.id, name: c.name });
  const ranked: [number, NextStep][] = [];
  for (const c of open) {
    if (c.overdueActions > 0)
      ranked.push([0, { kind: 'overdue-actions', ...ref(c), count: c.overdueActions }]);
    if (!c.roundRevealed && !c.weSubmitted) ranked.push([1, { kind: 'answer', ...ref(c) }]);
    if (c.partners < 2) ranked.push([2, { kind: 'invite-partner', ...ref(c) }]);
    if (c.roundRevealed && c.overdueActions === 0) ranked.push([3, { kind: 'plan-conversation', ...ref(c) }]);
    if (!c.roundRevealed && c.weSubmitted && c.partners >= 2)
      ranked.push([4, { kind: 'waiting', ...ref(c) }]);
  }
  // Stable: within one kind, the collaborations keep the dashboard's order (newest first).
  const own = ranked.sort((a, b) => a[0] - b[0]).map(([, step]) => step);
  return [...own.slice(0, MOST), ...steps];
}
