import { z } from 'zod';
import type { Assessment, PartneringProcess, Wheel } from '../domain/instrument/types.ts';
import { DOMAIN_IDS, LOCALES, RINGS, STAGE_IDS } from '../domain/vocabulary.ts';

const zLocalised = z.object(
  Object.fromEntries(LOCALES.map((l) => [l, z.string()])) as Record<(typeof LOCALES)[number], z.ZodString>,
);
const zDomainId = z.enum(DOMAIN_IDS);
const zStageId = z.enum(STAGE_IDS);
const zDomain = z.object({ id: zDomainId, label: zLocalised });

export const ZWheel = z
  .object({
    id: z.string(),
    version: z.string(),
    title: zLocalised,
    source: z.string(),
    notes: z.array(z.string()),
    stages: z.array(
      z.object({
        id: zStageId,
        order: z.number(),
        ring: z.enum(RINGS),
        label: zLocalised,
        purpose: zLocalised,
      }),
    ),
    domains: z.array(zDomain),
    topics: z.array(
      z.object({
        id: z.string(),
        domain: zDomainId,
        stage: zStageId,
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
        domain: zDomainId,
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

// The API publishes the instrument the domain defines: if either side changes shape, the type check fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof ZWheel>, Wheel>,
  Same<z.infer<typeof ZAssessment>, Assessment>,
  Same<z.infer<typeof ZPartneringProcess>, PartneringProcess>,
] = [true, true, true];
void sameShapes;
