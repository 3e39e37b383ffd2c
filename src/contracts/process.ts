import { z } from 'zod';
import {
  CHECK_CRITERIA,
  CHECK_KINDS,
  CHECK_MOMENTS,
  type Column,
  DECISIONS,
  DELIVERABLE_FORMS,
  DELIVERABLE_IDS,
  DELIVERABLE_STATES,
  type DeliverableId,
  type Field,
  LIMITS,
} from '../domain/process/index.ts';
import { REVEAL_REASONS } from '../domain/vocabulary.ts';
import { INT_MAX, zDate, zFigure, zId, zRequiredText, zText } from './common.ts';

function scalar(field: Column | Field): z.ZodType {
  switch (field.kind) {
    case 'text':
      return zText(LIMITS.text);
    case 'longText':
      return zText(LIMITS.longText);
    case 'number': {
      let n = zFigure;
      if (field.min !== undefined) n = n.min(field.min, `must be at least ${field.min}`);
      if (field.max !== undefined) n = n.max(field.max, `must be at most ${field.max}`);
      return n;
    }
    case 'date':
      return zDate;
    case 'choice':
      return z.enum(field.options.map((o) => o.id) as [string, ...string[]]);
    case 'organisation':
      return zId;
    default:
      throw new Error(`not a scalar field: ${field.kind}`);
  }
}

/**
 * The content of one deliverable, built from its form (domain/process/forms.ts): every field optional and
 * clearable, unknown fields refused by name.
 */
export function zDeliverableContent(id: DeliverableId) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of DELIVERABLE_FORMS[id].fields) {
    let schema: z.ZodType;
    if (field.kind === 'list') {
      schema = z.array(zRequiredText(LIMITS.text)).max(LIMITS.listItems, `at most ${LIMITS.listItems} items`);
    } else if (field.kind === 'table') {
      const row: Record<string, z.ZodType> = {};
      for (const column of field.columns) row[column.id] = scalar(column).nullable().optional();
      if (field.keyed)
        row.id = z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a short id')
          .optional();
      schema = z.array(z.strictObject(row)).max(LIMITS.tableRows, `at most ${LIMITS.tableRows} rows`);
    } else {
      schema = scalar(field);
    }
    shape[field.id] = schema.nullable().optional();
  }
  return z.strictObject(shape);
}

export const ZDeliverableId = z.enum(DELIVERABLE_IDS);
export const ZCheckMoment = z.enum(CHECK_MOMENTS);
export const ZDecision = z.enum(DECISIONS);
const zVersion = z.number().int().min(0).max(INT_MAX);

export const ZDeliverableParams = z.object({ id: zId, deliverableId: ZDeliverableId });
export const ZCheckParams = z.object({ id: zId, moment: ZCheckMoment });
export const ZPilotParams = z.object({ id: zId, pilotId: zId });
export const ZCriterionParams = z.object({
  id: zId,
  criterionId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a criterion id'),
});
export const ZCycleQuery = z.object({ cycle: z.coerce.number().int().min(1).max(INT_MAX).optional() });

export const ZSaveDeliverableBody = z.object({
  /** The version the edit started from: someone else's save in between answers 409 instead of being lost. */
  baseVersion: zVersion,
  /** Checked against the deliverable's own form (zDeliverableContent); errors name `content.<field>`. */
  content: z.record(z.string(), z.unknown()),
});
export type SaveDeliverableBody = z.input<typeof ZSaveDeliverableBody>;
export const ZSignOffBody = z.object({ version: zVersion.min(1) });

const zCellValue = z.union([z.string(), z.number(), z.null()]);
const zFieldValue = z.union([zCellValue, z.array(z.string()), z.array(z.record(z.string(), zCellValue))]);
export const ZDeliverableContentOut = z.record(z.string(), zFieldValue);

export const ZSignOff = z.object({
  organisationId: zId,
  version: z.number().int(),
  signedBy: z.string().nullable(),
  signedAt: z.string(),
});

export const ZDeliverable = z
  .object({
    id: ZDeliverableId,
    step: z.string(),
    version: z.number().int(),
    state: z.enum(DELIVERABLE_STATES),
    content: ZDeliverableContentOut.nullable(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    /** Sign-offs of the current version only. */
    signOffs: z.array(ZSignOff),
    /** Partner organisations that have not signed off the current version. */
    waitingFor: z.array(zId),
  })
  .meta({ id: 'Deliverable' });
export type Deliverable = z.infer<typeof ZDeliverable>;

export const ZChange = z.union([
  z.object({
    field: z.string(),
    kind: z.enum(['set', 'cleared', 'changed']),
    before: zCellValue,
    after: zCellValue,
  }),
  z.object({ field: z.string(), kind: z.enum(['added', 'removed']), item: z.string() }),
  z.object({
    field: z.string(),
    kind: z.enum(['row-added', 'row-removed']),
    row: z.number().int(),
    summary: z.string(),
  }),
  z.object({
    field: z.string(),
    kind: z.literal('row-changed'),
    row: z.number().int(),
    summary: z.string(),
    columns: z.array(z.object({ column: z.string(), before: zCellValue, after: zCellValue })),
  }),
]);
export type ChangeDto = z.infer<typeof ZChange>;

export const ZDeliverableVersions = z
  .object({
    versions: z.array(
      z.object({
        version: z.number().int(),
        changedAt: z.string(),
        changedBy: z.string().nullable(),
        organisationId: zId.nullable(),
        changes: z.array(ZChange),
        /** The whole content of this version, to read it or to put it back as a new version. */
        content: ZDeliverableContentOut,
      }),
    ),
  })
  .meta({ id: 'DeliverableVersions' });

const zCheckRating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const criterionIds = CHECK_CRITERIA.map((c) => c.id) as [string, ...string[]];
export const ZSaveChecksBody = z.object({
  answers: z.partialRecord(
    z.enum(criterionIds),
    z.object({ rating: zCheckRating.nullable(), note: zText(2000).nullable().optional() }),
  ),
});
export type SaveChecksBody = z.input<typeof ZSaveChecksBody>;

export const ZCheckSet = z.object({
  moment: ZCheckMoment,
  revealedAt: z.string().nullable(),
  revealReason: z.enum(REVEAL_REASONS).nullable(),
  editable: z.boolean(),
  status: z.array(z.object({ organisationId: zId, submitted: z.boolean(), earlyReveal: z.boolean() })),
  /** Your own answers always; partners' only after the reveal, of those that took part in it. */
  answers: z.array(
    z.object({
      organisationId: zId,
      criterionId: z.string(),
      rating: zCheckRating.nullable(),
      note: z.string().nullable(),
    }),
  ),
  outcome: z
    .object({
      criteria: z.array(
        z.object({
          criterionId: z.string(),
          kind: z.enum(CHECK_KINDS),
          status: z.enum(['holds', 'weak', 'unrated']),
          lowest: z.number().int().nullable(),
          differ: z.boolean(),
          topics: z.array(z.string()),
        }),
      ),
      advice: z.object({
        verdict: z.enum(['go', 'not-yet', 'incomplete']),
        approachInDoubt: z.boolean(),
        weak: z.array(z.string()),
        startWith: z.array(z.string()),
      }),
    })
    .nullable(),
});

const zPilotFields = {
  title: zRequiredText(200),
  plan: zText(4000).nullable().optional(),
  startsOn: zDate,
  endsOn: zDate,
  participants: zText(2000).nullable().optional(),
  results: zText(4000).nullable().optional(),
};
export const ZCreatePilotBody = z
  .object(zPilotFields)
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });
export type CreatePilotBody = z.input<typeof ZCreatePilotBody>;
export const ZUpdatePilotBody = z
  .object(zPilotFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'send at least one field' });
export type UpdatePilotBody = z.input<typeof ZUpdatePilotBody>;

export const ZPilot = z
  .object({
    id: zId,
    title: z.string(),
    plan: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    participants: z.string().nullable(),
    results: z.string().nullable(),
    status: z.enum(['planned', 'running', 'ended']),
  })
  .meta({ id: 'Pilot' });
export type Pilot = z.infer<typeof ZPilot>;

export const ZMeasurementBody = z.object({
  value: zFigure.nullable(),
  note: zText(2000).nullable().optional(),
});

export const ZDecisionBody = z.object({ decision: ZDecision, reason: zText(4000).nullable().optional() });
export type DecisionBody = z.input<typeof ZDecisionBody>;

export const ZNewCycleBody = z.object({
  /** Also start a new wheel round, so the conversation and the process stay in step. */
  openRound: z.boolean().optional(),
});

export const ZProcessView = z
  .object({
    cycle: z.object({
      number: z.number().int(),
      startedAt: z.string(),
      current: z.boolean(),
      editable: z.boolean(),
      roundNumber: z.number().int().nullable(),
    }),
    cycles: z.array(
      z.object({ number: z.number().int(), startedAt: z.string(), decision: ZDecision.nullable() }),
    ),
    partners: z.array(z.object({ organisationId: zId, name: z.string() })),
    position: z.enum(['mobilize', 'co-develop', 'pilot-test', 'scale', 'decide', 'decided']),
    deliverables: z.array(ZDeliverable),
    checks: z.array(ZCheckSet),
    pilots: z.array(ZPilot),
    criteria: z.array(
      z.object({
        id: z.string(),
        indicator: z.string(),
        comparator: z.string(),
        threshold: z.number(),
        byWhen: z.string().nullable(),
        measured: z.number().nullable(),
        note: z.string().nullable(),
        measuredBy: z.string().nullable(),
        measuredAt: z.string().nullable(),
        result: z.enum(['met', 'not-met', 'not-measured']),
      }),
    ),
    decision: z.object({
      suggestion: ZDecision.nullable(),
      decided: ZDecision.nullable(),
      decidedAt: z.string().nullable(),
      waitingFor: z.array(zId),
      differ: z.boolean(),
      votes: z.array(
        z.object({
          organisationId: zId,
          decision: ZDecision,
          reason: z.string().nullable(),
          by: z.string().nullable(),
          at: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: 'ProcessView' });
export type ProcessView = z.infer<typeof ZProcessView>;

/** The export format: the whole process (or one cycle) as its partners see it, to keep or to start another from. */
export const PROCESS_EXPORT_FORMAT = 'impact-wheel/partnering-process' as const;
export const ZProcessExport = z
  .object({
    format: z.literal(PROCESS_EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.string().optional(),
    collaboration: z.object({ name: z.string() }).passthrough().optional(),
    partners: z.array(z.object({ organisationId: z.string(), name: z.string() })).optional(),
    cycles: z
      .array(
        z
          .object({
            number: z.number().int().min(1).max(INT_MAX),
            deliverables: z.record(
              z.string(),
              z.object({ content: z.record(z.string(), z.unknown()).nullable() }).passthrough(),
            ),
          })
          .passthrough(),
      )
      // No upper bound: this schema also checks export.json's answer, and 'at most 100 cycles' made that a 500
      // for a process in its 101st cycle. Import reads only the last cycle; the body limit (1 MB) bounds the file.
      .min(1, 'must hold at least one cycle'),
  })
  .passthrough()
  .meta({ id: 'ProcessExport' });
export type ProcessExport = z.infer<typeof ZProcessExport>;

export const ZImportResult = z
  .object({
    /** Deliverables filled in from the template, as drafts of the current cycle. */
    imported: z.array(ZDeliverableId),
    /** Deliverables left alone because the current cycle already has content there. */
    skipped: z.array(ZDeliverableId),
  })
  .meta({ id: 'ProcessImportResult' });
