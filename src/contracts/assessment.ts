import { z } from 'zod';
import { CONTINUUM_POSITIONS, IMPACT_LEVELS, REVEAL_REASONS } from '../domain/vocabulary.ts';
import { ZAmbition } from './collaborations.ts';
import { zId, zText } from './common.ts';
export const ZImpactLevel = z.enum(IMPACT_LEVELS);
const zLikert = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable();

export const ZSaveAssessmentBody = z
  .object({
    /** By statement id; null is "no answer". */
    answers: z.record(z.string().max(60), zLikert).optional(),
    ambitions: z
      .partialRecord(
        ZImpactLevel,
        z.object({ text: zText(2000).nullable(), priority: z.number().int().min(1).max(3).nullable() }),
      )
      .optional(),
    partnershipAmbition: ZAmbition.nullable().optional(),
  })
  .refine(
    (b) => b.answers || b.ambitions || b.partnershipAmbition !== undefined,
    'send answers, ambitions or a partnership ambition',
  );
export type SaveAssessmentBody = z.input<typeof ZSaveAssessmentBody>;

const ZPlacement = z.object({
  position: z.enum(CONTINUUM_POSITIONS),
  decidedBy: z.array(z.object({ component: z.string(), value: z.number() })),
  integrativeMean: z.number().nullable(),
});
export type ContinuumPlacementDto = z.infer<typeof ZPlacement>;

export const ZAssessmentView = z
  .object({
    /** The self-assessment of a round is revealed on its own (RULES.md), apart from the round's wheel. */
    round: z.object({
      number: z.number().int(),
      revealedAt: z.string().nullable(),
      revealReason: z.enum(REVEAL_REASONS).nullable(),
    }),
    rounds: z.array(z.object({ number: z.number().int(), revealed: z.boolean() })),
    /** Per taking-part organisation only whether it submitted or chose early reveal; nothing of its answers. */
    status: z.array(z.object({ organisationId: zId, submitted: z.boolean(), earlyReveal: z.boolean() })),
    /** Yours always; partners' once the self-assessment is revealed, of those that took part in the reveal. */
    answers: z.array(z.object({ organisationId: zId, itemId: z.string(), value: zLikert })),
    ambitions: z.array(
      z.object({
        organisationId: zId,
        level: ZImpactLevel,
        text: z.string().nullable(),
        priority: z.number().nullable(),
      }),
    ),
    partnershipAmbitions: z.array(z.object({ organisationId: zId, ambition: ZAmbition.nullable() })),
    editable: z.boolean(),
    results: z
      .object({
        statements: z.array(
          z.object({
            itemId: z.string(),
            component: z.string(),
            domain: z.string(),
            mean: z.number().nullable(),
            /** Answers 1 to 5, then "no answer". */
            distribution: z.array(z.number().int()),
          }),
        ),
        domains: z.array(
          z.object({
            domain: z.string(),
            byOrganisation: z.record(z.string(), z.number().nullable()),
            mean: z.number().nullable(),
          }),
        ),
        differences: z.array(
          z.object({
            itemId: z.string(),
            component: z.string(),
            spread: z.number(),
            topics: z.array(z.string()),
          }),
        ),
        continuum: z.object({
          joint: ZPlacement,
          byOrganisation: z.array(z.object({ organisationId: zId, placement: ZPlacement })),
        }),
        ambitionMismatch: z.boolean(),
      })
      .nullable(),
    /** The joint continuum position of every revealed round, for the change over time. */
    history: z.array(z.object({ round: z.number().int(), position: z.enum(CONTINUUM_POSITIONS) })),
  })
  .meta({ id: 'AssessmentView' });
export type AssessmentView = z.infer<typeof ZAssessmentView>;
