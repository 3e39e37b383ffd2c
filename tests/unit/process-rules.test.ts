import { describe, expect, it } from 'vitest';
import { partneringProcess } from '../../src/domain/instrument/process.ts';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import {
  CHECK_CRITERIA,
  CRITERION_TOPICS,
  carryOver,
  combineChecks,
  criteriaOf,
  currentStep,
  DELIVERABLE_FORMS,
  DELIVERABLE_IDS,
  type DeliverableContent,
  type DeliverableId,
  decisionState,
  deliverableState,
  diffContent,
  evaluateCriterion,
  suggestDecision,
} from '../../src/domain/process/index.ts';

describe('the deliverable forms', () => {
  it('have one form per activity of the instrument, in its order', () => {
    expect(partneringProcess.steps.flatMap((s) => s.activities.map((a) => a.id))).toEqual([
      ...DELIVERABLE_IDS,
    ]);
    for (const id of DELIVERABLE_IDS) expect(DELIVERABLE_FORMS[id].fields.length).toBeGreaterThan(0);
  });

  it('map every check criterion to wheel topics that exist', () => {
    const topics = new Set(wheel.topics.map((t) => t.id));
    expect(CHECK_CRITERIA).toHaveLength(7);
    for (const { id } of CHECK_CRITERIA) {
      expect(CRITERION_TOPICS[id]?.length, id).toBeGreaterThan(0);
      for (const topic of CRITERION_TOPICS[id]!) expect(topics.has(topic), topic).toBe(true);
    }
  });
});

describe('agreement state', () => {
  const partners = ['a', 'b'];
  it('is empty without content, draft with content, agreed when every partner signed the current version', () => {
    expect(deliverableState({ content: null, version: 0, signOffs: [], partnerIds: partners }).state).toBe(
      'empty',
    );
    expect(
      deliverableState({
        content: { problem: '  ', rootCauses: [] },
        version: 2,
        signOffs: [],
        partnerIds: partners,
      }).state,
    ).toBe('empty');
    const content = { problem: 'Te weinig plekken' };
    expect(
      deliverableState({
        content,
        version: 1,
        signOffs: [{ organisationId: 'a', version: 1 }],
        partnerIds: partners,
      }),
    ).toEqual({ state: 'draft', waitingFor: ['b'] });
    const both = [
      { organisationId: 'a', version: 1 },
      { organisationId: 'b', version: 1 },
    ];
    expect(deliverableState({ content, version: 1, signOffs: both, partnerIds: partners }).state).toBe(
      'agreed',
    );
  });

  it('returns to draft after an edit, and when a partner joins who has not signed', () => {
    const content = { problem: 'x' };
    const signed = [
      { organisationId: 'a', version: 1 },
      { organisationId: 'b', version: 1 },
    ];
    expect(deliverableState({ content, version: 2, signOffs: signed, partnerIds: ['a', 'b'] })).toEqual({
      state: 'draft',
      waitingFor: ['a', 'b'],
    });
    expect(
      deliverableState({ content, version: 1, signOffs: signed, partnerIds: ['a', 'b', 'c'] }).waitingFor,
    ).toEqual(['c']);
    // A leaver's sign-off neither counts nor is awaited.
    expect(deliverableState({ content, version: 1, signOffs: signed, partnerIds: ['a'] }).state).toBe(
      'agreed',
    );
  });
});

describe('go/no-go', () => {
  const criterion = {
    id: 'c1',
    indicator: 'Geplaatst',
    comparator: 'gte' as const,
    threshold: 10,
    byWhen: null,
  };
  it('compares the measured value with the threshold', () => {
    expect(evaluateCriterion(criterion, 10)).toBe('met');
    expect(evaluateCriterion(criterion, 9.99)).toBe('not-met');
    expect(evaluateCriterion(criterion, null)).toBe('not-measured');
    expect(evaluateCriterion({ ...criterion, comparator: 'lt' }, 9)).toBe('met');
    expect(evaluateCriterion({ ...criterion, comparator: 'eq' }, 10)).toBe('met');
    expect(evaluateCriterion({ ...criterion, comparator: 'gt' }, 10)).toBe('not-met');
    expect(evaluateCriterion({ ...criterion, comparator: 'lte' }, 10)).toBe('met');
  });

  it('reads only complete criteria from the measurement system', () => {
    expect(
      criteriaOf({
        criteria: [
          { id: 'c1', indicator: 'A', comparator: 'gte', threshold: 3, byWhen: '2027-01-01' },
          { id: 'c2', indicator: 'B', comparator: null, threshold: 3 },
        ],
      }),
    ).toEqual([{ id: 'c1', indicator: 'A', comparator: 'gte', threshold: 3, byWhen: '2027-01-01' }]);
    expect(criteriaOf(null)).toEqual([]);
  });

  it('suggests, but only all partners together decide', () => {
    expect(suggestDecision(['met', 'met'])).toBe('scale');
    expect(suggestDecision(['met', 'not-met'])).toBe('adjust');
    expect(suggestDecision(['not-measured'])).toBeNull();
    // One met and the rest not measured yet says nothing: the pilot is not over.
    expect(suggestDecision(['met', 'not-measured'])).toBeNull();
    expect(suggestDecision(['not-met', 'not-measured'])).toBe('adjust');
    expect(suggestDecision([])).toBeNull();
    const partners = ['a', 'b'];
    expect(decisionState([{ organisationId: 'a', decision: 'scale' }], partners)).toEqual({
      decided: null,
      waitingFor: ['b'],
      differ: false,
    });
    expect(
      decisionState(
        [
          { organisationId: 'a', decision: 'scale' },
          { organisationId: 'b', decision: 'stop' },
        ],
        partners,
      ),
    ).toEqual({ decided: null, waitingFor: [], differ: true });
    expect(
      decisionState(
        [
          { organisationId: 'a', decision: 'stop' },
          { organisationId: 'b', decision: 'stop' },
        ],
        partners,
      ).decided,
    ).toBe('stop');
    // One organisation alone never decides for a partnership.
    expect(decisionState([{ organisationId: 'a', decision: 'scale' }], ['a']).decided).toBeNull();
  });
});

describe('cycles', () => {
  it('carry every deliverable with content forward as a fresh draft, and leave empty ones behind', () => {
    const previous: { deliverableId: DeliverableId; content: DeliverableContent }[] = [
      { deliverableId: 'problem-definition' as const, content: { problem: 'x', rootCauses: ['y'] } },
      { deliverableId: 'actors-map' as const, content: { actors: [] } },
    ];
    const carried = carryOver(previous);
    expect(carried).toEqual([
      { deliverableId: 'problem-definition', content: { problem: 'x', rootCauses: ['y'] }, version: 1 },
    ]);
    // A copy: editing the new cycle never changes the old one.
    (carried[0]!.content.rootCauses as string[]).push('z');
    expect(previous[0]!.content.rootCauses).toEqual(['y']);
  });

  it('show the earliest step that still asks something', () => {
    expect(currentStep({}, false)).toBe('mobilize');
    const agreed = Object.fromEntries(DELIVERABLE_IDS.map((id) => [id, 'agreed' as const]));
    expect(currentStep({ ...agreed, 'measurement-system': 'draft' }, false)).toBe('co-develop');
    expect(currentStep(agreed, false)).toBe('decide');
    expect(currentStep(agreed, true)).toBe('decided');
  });
});

describe('the checks', () => {
  it('advise to start with the wheel topics of a weak criterion', () => {
    const { criteria, advice } = combineChecks([
      { organisationId: 'a', criterionId: 'trust', rating: 1 },
      { organisationId: 'b', criterionId: 'trust', rating: 4 },
      ...CHECK_CRITERIA.filter((c) => c.id !== 'trust').flatMap((c) => [
        { organisationId: 'a', criterionId: c.id, rating: 3 as const },
        { organisationId: 'b', criterionId: c.id, rating: 4 as const },
      ]),
    ]);
    expect(advice).toEqual({
      verdict: 'not-yet',
      approachInDoubt: false,
      weak: ['trust'],
      startWith: ['trust', 'transparency'],
    });
    expect(criteria.find((c) => c.criterionId === 'trust')).toMatchObject({
      status: 'weak',
      lowest: 1,
      differ: true,
    });
  });

  it('say go only when every criterion holds, and doubt the approach on a weak appropriateness criterion', () => {
    const all = (rating: 1 | 2 | 3 | 4) =>
      CHECK_CRITERIA.map((c) => ({ organisationId: 'a', criterionId: c.id, rating }));
    expect(combineChecks(all(3)).advice.verdict).toBe('go');
    expect(combineChecks(all(2)).advice.approachInDoubt).toBe(true);
    expect(combineChecks([]).advice.verdict).toBe('incomplete');
    expect(combineChecks(all(3).slice(1)).advice.verdict).toBe('incomplete');
  });
});

describe('the readable difference between versions', () => {
  it('names texts set, changed and cleared, list items added and removed, and table rows', () => {
    expect(
      diffContent(
        'problem-definition',
        { problem: 'a', voicesHeard: 'x', rootCauses: ['p', 'q'] },
        { problem: 'b', beneficiaryVoice: 'y', rootCauses: ['q', 'r'] },
      ),
    ).toEqual([
      { field: 'problem', kind: 'changed', before: 'a', after: 'b' },
      { field: 'rootCauses', kind: 'removed', item: 'p' },
      { field: 'rootCauses', kind: 'added', item: 'r' },
      { field: 'voicesHeard', kind: 'cleared', before: 'x', after: null },
      { field: 'beneficiaryVoice', kind: 'set', before: null, after: 'y' },
    ]);
    expect(
      diffContent(
        'measurement-system',
        {
          criteria: [
            { id: 'k', indicator: 'A', threshold: 1 },
            { id: 'm', indicator: 'B' },
          ],
        },
        {
          criteria: [
            { id: 'k', indicator: 'A', threshold: 2 },
            { id: 'n', indicator: 'C' },
          ],
        },
      ),
    ).toEqual([
      {
        field: 'criteria',
        kind: 'row-changed',
        row: 1,
        summary: 'A',
        columns: [{ column: 'threshold', before: 1, after: 2 }],
      },
      { field: 'criteria', kind: 'row-added', row: 2, summary: 'C' },
      { field: 'criteria', kind: 'row-removed', row: 2, summary: 'B' },
    ]);
    expect(diffContent('key-impacts', { vision: 'same' }, { vision: 'same' })).toEqual([]);
  });
});

describe('what follow-up belongs to', () => {
  it('orders wheel topics first and deliverables after, and filters by step', async () => {
    const { matchesSubject, subjectOrder, subjectLabel } = await import(
      '../../src/domain/process/subject.ts'
    );
    const onTopic = { topicId: 'trust', deliverableId: null };
    const onPlan = { topicId: null, deliverableId: 'implementation-plan' };
    expect(subjectOrder(onTopic)).toBeLessThan(subjectOrder(onPlan));
    expect(subjectOrder({ topicId: null, deliverableId: 'problem-definition' })).toBeLessThan(
      subjectOrder(onPlan),
    );
    expect(matchesSubject(onTopic, 'wheel')).toBe(true);
    expect(matchesSubject(onPlan, 'wheel')).toBe(false);
    expect(matchesSubject(onPlan, 'pilot-test')).toBe(true);
    expect(matchesSubject(onPlan, 'mobilize')).toBe(false);
    expect(matchesSubject(onPlan, 'all')).toBe(true);
    expect(subjectLabel(onPlan, 'nl')).toBe('Implementatieplan en pilots');
    expect(subjectLabel(onTopic, 'en')).toBe('Trust');
  });
});

describe('form values', () => {
  it('read numbers as Dutch and English people type them', async () => {
    const { parseNumber, fromFormValues, toFormValues } = await import(
      '../../src/domain/process/form-values.ts'
    );
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('1.5')).toBe(1.5);
    expect(parseNumber('1.250,50')).toBe(1250.5);
    expect(parseNumber('1,250.50')).toBe(1250.5);
    expect(parseNumber('24.000')).toBe(24000);
    expect(parseNumber('€ 3500')).toBe(3500);
    expect(parseNumber('0,250')).toBe(0.25);
    expect(parseNumber('veel')).toBe('veel');
    const content = fromFormValues('implementation-plan', {
      budget: [
        { item: 'Jobcoach', amount: '24.000', fundedBy: '' },
        { item: '', amount: '', fundedBy: '' },
      ],
      roles: '  Werkpoort begeleidt ',
      milestones: [],
      feedback: '',
    });
    expect(content).toEqual({
      budget: [{ item: 'Jobcoach', amount: 24000, fundedBy: null }],
      milestones: [],
      roles: '  Werkpoort begeleidt ',
      feedback: null,
    });
    expect(toFormValues('implementation-plan', content).budget).toEqual([
      { item: 'Jobcoach', amount: '24000', fundedBy: '' },
    ]);
    const listed = fromFormValues('problem-definition', { rootCauses: 'a\n\n b \n' });
    expect(listed.rootCauses).toEqual(['a', 'b']);
  });
});
