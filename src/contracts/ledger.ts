import { z } from 'zod';
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_LEVELS, isPeriod } from '../domain/ledger/index.ts';
import { zFigure, zId, zRequiredText, zText } from './common.ts';

const zLocalised = z.object({ en: z.string(), nl: z.string() });
export const zPeriod = z
  .string()
  .max(7)
  .refine(isPeriod, 'must be a month like 2026-03 or a quarter like 2026-Q1, between 1900 and 2100');

export const ZLibraryIndicator = z
  .object({
    id: z.string(),
    label: zLocalised,
    definition: zLocalised,
    unit: zLocalised,
    level: z.enum(INDICATOR_LEVELS),
    direction: z.enum(INDICATOR_DIRECTIONS),
    kind: z.enum(INDICATOR_KINDS),
    iris: z.string().nullable(),
  })
  .meta({ id: 'LibraryIndicator' });
export const ZIndicatorLibrary = z.object({ indicators: z.array(ZLibraryIndicator) });

export const ZAddIndicatorBody = z
  .object({
    /** One of the library's indicators … */
    libraryId: z.string().max(60).optional(),
    /** … or the partners' own. */
    custom: z
      .object({
        label: zRequiredText(200),
        definition: zRequiredText(2000),
        unit: zRequiredText(60),
        level: z.enum(INDICATOR_LEVELS),
        direction: z.enum(INDICATOR_DIRECTIONS),
        kind: z.enum(INDICATOR_KINDS),
      })
      .optional(),
    baseline: zFigure.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.libraryId === undefined) === (b.custom === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [b.libraryId === undefined ? 'libraryId' : 'custom'],
        message: 'send either libraryId (an indicator of the library) or custom (your own), not both',
      });
  });
export type AddIndicatorBody = z.input<typeof ZAddIndicatorBody>;

export const ZUpdateIndicatorBody = z
  .object({
    baseline: zFigure.nullable().optional(),
    /** Targets per period; a null target removes it. */
    targets: z
      .array(z.object({ period: zPeriod, target: zFigure.nullable() }))
      .max(200)
      .optional(),
  })
  .refine((b) => b.baseline !== undefined || b.targets !== undefined, 'send a baseline or targets');
export type UpdateIndicatorBody = z.input<typeof ZUpdateIndicatorBody>;

export const ZEnterValueBody = z.object({
  value: zFigure,
  source: zText(300).nullable().optional(),
  note: zText(2000).nullable().optional(),
});
export type EnterValueBody = z.input<typeof ZEnterValueBody>;

export const ZIndicatorParams = z.object({ id: zId, indicatorId: zId });
export const ZValueParams = z.object({ id: zId, indicatorId: zId, period: zPeriod });

const ZValue = z.object({
  organisationId: zId,
  period: z.string(),
  value: z.number(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
  /** Whether an earlier value for this period was corrected; the history route shows every one. */
  corrected: z.boolean(),
});

export const ZLedgerIndicator = z
  .object({
    id: zId,
    libraryId: z.string().nullable(),
    label: zLocalised,
    definition: zLocalised,
    unit: zLocalised,
    level: z.enum(INDICATOR_LEVELS),
    direction: z.enum(INDICATOR_DIRECTIONS),
    kind: z.enum(INDICATOR_KINDS),
    iris: z.string().nullable(),
    baseline: z.number().nullable(),
    targets: z.array(z.object({ period: z.string(), target: z.number() })),
    values: z.array(ZValue),
    series: z.array(
      z.object({
        period: z.string(),
        total: z.number(),
        partners: z.number().int(),
        target: z.number().nullable(),
      }),
    ),
    progress: z.object({
      latest: z.object({ period: z.string(), total: z.number() }).nullable(),
      cumulative: z.number().nullable(),
      against: z
        .object({ period: z.string(), total: z.number(), target: z.number(), met: z.boolean().nullable() })
        .nullable(),
    }),
  })
  .meta({ id: 'LedgerIndicator' });
export type LedgerIndicator = z.infer<typeof ZLedgerIndicator>;

export const ZLedgerView = z
  .object({
    partners: z.array(z.object({ organisationId: zId, name: z.string() })),
    indicators: z.array(ZLedgerIndicator),
  })
  .meta({ id: 'LedgerView' });
export type LedgerView = z.infer<typeof ZLedgerView>;

export const ZValueHistory = z.object({
  values: z.array(ZValue.extend({ supersededAt: z.string().nullable() })),
});
