import { describe, expect, it } from 'vitest';
import {
  assessment,
  LOCALES,
  type Localised,
  partneringProcess,
  wheel,
} from '../../src/domain/instrument/index.ts';

function expectLocalised(value: Localised | undefined, where: string) {
  for (const locale of LOCALES) {
    expect(typeof value?.[locale], `${where} (${locale})`).toBe('string');
    expect(value?.[locale].trim().length, `${where} (${locale}) is empty`).toBeGreaterThan(0);
  }
}

describe('the wheel', () => {
  it('has 21 topics with unique ids', () => {
    expect(wheel.topics).toHaveLength(21);
    expect(new Set(wheel.topics.map((t) => t.id)).size).toBe(21);
  });

  it('has three topics per domain in Orientation and Integration and one in Transformation', () => {
    for (const domain of wheel.domains) {
      const count = (stage: string) =>
        wheel.topics.filter((t) => t.domain === domain.id && t.stage === stage).length;
      expect(count('orientation'), domain.id).toBe(3);
      expect(count('integration'), domain.id).toBe(3);
      expect(count('transformation'), domain.id).toBe(1);
    }
  });

  it('names three domains and three stages, every topic pointing at one of each', () => {
    const domains = new Set(wheel.domains.map((d) => d.id));
    const stages = new Set(wheel.stages.map((s) => s.id));
    expect([...domains].sort()).toEqual(['partnership-processes', 'resources', 'value-creation']);
    expect([...stages].sort()).toEqual(['integration', 'orientation', 'transformation']);
    for (const topic of wheel.topics) {
      expect(domains.has(topic.domain), topic.id).toBe(true);
      expect(stages.has(topic.stage), topic.id).toBe(true);
    }
  });

  it('has every label and guiding question in Dutch and English', () => {
    expectLocalised(wheel.title, 'title');
    for (const s of wheel.stages) {
      expectLocalised(s.label, `stage ${s.id}`);
      expectLocalised(s.purpose, `stage ${s.id} purpose`);
    }
    for (const d of wheel.domains) expectLocalised(d.label, `domain ${d.id}`);
    for (const t of wheel.topics) {
      expectLocalised(t.label, `topic ${t.id}`);
      expectLocalised(t.question, `question ${t.id}`);
    }
  });
});

describe('the self-assessment', () => {
  it('has 12 statements, four per domain, with unique ids and both languages', () => {
    expect(assessment.items).toHaveLength(12);
    expect(new Set(assessment.items.map((i) => i.id)).size).toBe(12);
    for (const domain of assessment.domains) {
      expect(
        assessment.items.filter((i) => i.domain === domain.id),
        domain.id,
      ).toHaveLength(4);
    }
    for (const item of assessment.items) {
      expectLocalised(item.label, item.id);
      expectLocalised(item.statement, `${item.id} statement`);
    }
  });

  it('uses a five-point scale that allows no answer', () => {
    expect(assessment.scale.points.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    for (const p of assessment.scale.points) expectLocalised(p.label, `scale ${p.value}`);
    expect(assessment.scale.allowsNoAnswer).toBe(true);
  });

  it('has impact ambitions at three levels and three partnership ambitions', () => {
    expect(assessment.ambitions.impact.levels.map((l) => l.id)).toEqual([
      'individual',
      'organisation',
      'society',
    ]);
    expect(assessment.ambitions.partnership.levels.map((l) => l.id)).toEqual([
      'transaction',
      'integration',
      'transformation',
    ]);
  });
});

describe('the partnering process', () => {
  it('has the four steps in order, each with activities in both languages', () => {
    expect(partneringProcess.steps.map((s) => s.id)).toEqual([
      'mobilize',
      'co-develop',
      'pilot-test',
      'scale',
    ]);
    expect(partneringProcess.steps.map((s) => s.order)).toEqual([1, 2, 3, 4]);
    for (const step of partneringProcess.steps) {
      expectLocalised(step.label, step.id);
      expectLocalised(step.goal, `${step.id} goal`);
      expect(step.activities.length, step.id).toBeGreaterThan(0);
      for (const a of step.activities) {
        expectLocalised(a.label, a.id);
        expectLocalised(a.objective, `${a.id} objective`);
      }
    }
  });
});
