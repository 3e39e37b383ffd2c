import { z } from 'zod';

const zLocalised = z.object({ nl: z.string(), en: z.string() });
const zDomain = z.object({ id: z.string(), label: zLocalised });

export const ZWheel = z
  .object({
    id: z.string(),
    version: z.string(),
    title: zLocalised,
    source: z.string(),
    notes: z.array(z.string()),
    stages: z.array(
      z.object({
        id: z.string(),
        order: z.number(),
        ring: z.string(),
        label: zLocalised,
        purpose: zLocalised,
      }),
    ),
    domains: z.array(zDomain),
    topics: z.array(
      z.object({
        id: z.string(),
        domain: z.string(),
        stage: z.string(),
        label: zLocalised,
        question: zLocalised,
      }),
    ),
  })
  .meta({ id: 'Wheel' });

const zLevel = z.object({ id: z.string(), label: zLocalised, meaning: zLocalised.optional() });

export const ZAssessment = z
  .object({
    id: z.string(),
    version: z.string(),
    title: zLocalised,
    source: z.string(),
    scale: z.object({
      type: z.string(),
      points: z.array(z.object({ value: z.number(), label: zLocalised })),
      allowsNoAnswer: z.boolean(),
    }),
    instructions: zLocalised,
    domains: z.array(zDomain),
    items: z.array(
      z.object({
        id: z.string(),
        domain: z.string(),
        component: z.string(),
        label: zLocalised,
        operationalisation: z.string(),
        statement: zLocalised,
      }),
    ),
    ambitions: z.object({
      impact: z.object({ question: zLocalised, levels: z.array(zLevel) }),
      partnership: z.object({ question: zLocalised, levels: z.array(zLevel) }),
    }),
    collaborationContinuum: z.object({
      source: z.string(),
      stages: z.array(z.object({ id: z.string(), label: zLocalised, description: zLocalised })),
    }),
  })
  .meta({ id: 'Assessment' });

const zActivity = z.object({
  id: z.string(),
  label: zLocalised,
  objective: zLocalised,
  tools: z.array(zLocalised).optional(),
});

export const ZPartneringProcess = z
  .object({
    id: z.string(),
    version: z.string(),
    title: zLocalised,
    source: z.string(),
    notes: z.array(z.string()),
    steps: z.array(
      z.object({
        id: z.string(),
        order: z.number(),
        label: zLocalised,
        goal: zLocalised,
        activities: z.array(zActivity),
      }),
    ),
    appropriateness: z.array(z.object({ id: z.string(), text: zLocalised })),
    readiness: z.array(z.object({ id: z.string(), text: zLocalised })),
    mindsetShifts: z.array(z.object({ from: zLocalised, to: zLocalised })),
    keysToSuccess: z.array(zLocalised),
  })
  .meta({ id: 'PartneringProcess' });
