import { describe, expect, it } from 'vitest';
import { type CollaborationState, nextSteps } from '../../src/domain/guidance/next-steps.ts';

const collab = (over: Partial<CollaborationState> = {}): CollaborationState => ({
  id: 'c1',
  name: 'Inpakwerk',
  partners: 2,
  archived: false,
  roundRevealed: false,
  weSubmitted: false,
  openActions: 0,
  overdueActions: 0,
  ...over,
});
const person = (collaborations: CollaborationState[], over = {}) => ({
  organisations: 1,
  activeOrganisation: true,
  platformRoles: [] as const,
  collaborations,
  ...over,
});
const kinds = (steps: { kind: string }[]) => steps.map((s) => s.kind);

describe('what the dashboard suggests next (issue 10, point 14)', () => {
  it('without an organisation: create one', () => {
    expect(kinds(nextSteps(person([], { organisations: 0, activeOrganisation: false })))).toEqual([
      'create-organisation',
    ]);
  });

  it('with organisations but none chosen: choose one', () => {
    expect(kinds(nextSteps(person([], { organisations: 2, activeOrganisation: false })))).toEqual([
      'choose-organisation',
    ]);
  });

  it('without collaborations (or only archived ones): start one', () => {
    expect(kinds(nextSteps(person([])))).toEqual(['start-collaboration']);
    expect(kinds(nextSteps(person([collab({ archived: true })])))).toEqual(['start-collaboration']);
  });

  it('a new collaboration alone: answer and invite the partner', () => {
    expect(kinds(nextSteps(person([collab({ partners: 1 })])))).toEqual(['answer', 'invite-partner']);
  });

  it('submitted and the partner not yet: waiting, nothing to do', () => {
    expect(kinds(nextSteps(person([collab({ weSubmitted: true })])))).toEqual(['waiting']);
  });

  it('revealed: plan the conversation; overdue actions first and instead', () => {
    expect(kinds(nextSteps(person([collab({ roundRevealed: true })])))).toEqual(['plan-conversation']);
    const overdue = nextSteps(person([collab({ roundRevealed: true, overdueActions: 2, openActions: 3 })]));
    expect(overdue).toEqual([
      { kind: 'overdue-actions', collaborationId: 'c1', name: 'Inpakwerk', count: 2 },
    ]);
  });

  it('most pressing first across collaborations, at most five, then the role pages', () => {
    const many = Array.from({ length: 4 }, (_, i) => collab({ id: `c${i}`, name: `S${i}`, partners: 1 }));
    const steps = nextSteps(
      person([...many, collab({ id: 'late', roundRevealed: true, overdueActions: 1 })], {
        platformRoles: ['facilitator', 'platform_admin'],
      }),
    );
    expect(kinds(steps)).toEqual([
      'overdue-actions',
      'answer',
      'answer',
      'answer',
      'answer',
      'programmes',
      'admin',
    ]);
  });

  it('a facilitator without an organisation still sees the programmes', () => {
    expect(
      kinds(
        nextSteps(
          person([], { organisations: 0, activeOrganisation: false, platformRoles: ['facilitator'] }),
        ),
      ),
    ).toEqual(['create-organisation', 'programmes']);
  });
});
