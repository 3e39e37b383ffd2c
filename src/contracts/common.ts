import { z } from 'zod';
import { LOCALES } from '../domain/vocabulary.ts';

/**
 * What cannot come back byte for byte is refused rather than silently changed: PostgreSQL text cannot hold
 * NUL, unpaired surrogates do not survive UTF-8, and PGlite's decoder drops a leading byte-order mark
 * (docs/decisions/0003-text-that-cannot-round-trip.md).
 */
function storable(value: string): boolean {
  return !value.includes('\u0000') && !value.startsWith('\ufeff') && value.isWellFormed();
}

export const zText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine(storable, 'contains characters that cannot be stored');

/** A required text with at least one visible character; stored exactly as sent. */
export const zRequiredText = (max: number) =>
  zText(max).refine((value) => value.trim().length > 0, 'must not be empty');

export const zId = z.uuid();

/**
 * A calendar date between 1900 and 2100: what a collaboration, an agreement or a programme can sensibly carry,
 * and well inside what PostgreSQL's date type accepts (it refuses the year 0000 with an error).
 */
export const zDate = z.iso
  .date('must be a date like 2026-03-31')
  .refine((value) => value >= '1900-01-01' && value <= '2100-12-31', 'must be between 1900 and 2100');

/** A moment with its time zone (2026-12-01T14:00:00+01:00), between 1900 and 2100 like a date. */
export const zDateTime = z.iso
  .datetime({ offset: true, message: 'must be a date and time like 2026-12-01T14:00:00+01:00' })
  // The moment, not the text: 2100-12-31T23:59-12:00 is already 2101 in UTC.
  .refine((value) => {
    const at = Date.parse(value);
    return at >= Date.UTC(1900, 0, 1) && at < Date.UTC(2101, 0, 1);
  }, 'must be between 1900 and 2100');

/** A web address people click, such as a video call: http or https only, never javascript: or data:. */
export const zWebLink = z
  .string()
  .max(2000, 'at most 2000 characters')
  // A URL parser quietly drops line breaks and tabs; stored as typed, they would come back in calendar files.
  .refine(
    (value) =>
      ![...value].some(
        (c) =>
          c.charCodeAt(0) <= 0x20 || (c >= '\u007f' && c <= '\u009f') || c === '\u2028' || c === '\u2029',
      ),
    'must not contain spaces or line breaks',
  )
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be a web address starting with https://');

/** The largest value of a PostgreSQL integer column: larger numbers are refused, not sent to the database. */
export const INT_MAX = 2_147_483_647;

/** A figure a person enters (an amount, a threshold, a count): finite, and within what a partnership can count. */
export const zFigure = z
  .number()
  .refine(Number.isFinite, 'must be a number')
  .min(-1e12, 'must be at least -1000000000000')
  .max(1e12, 'must be at most 1000000000000');
/** A positive whole number that fits an integer column (a round number, a version). */
export const zCount = z.number().int().min(1).max(INT_MAX, `at most ${INT_MAX}`);

export const zEmail = z
  .string()
  .max(254, 'at most 254 characters')
  .pipe(z.email('must be an e-mail address'))
  .transform((value) => value.toLowerCase());

export const ZErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ZErrorResponse>;
/** A 409 from an edit made on an outdated version carries the current one beside the error. */
export const ZConflictResponse = ZErrorResponse.extend({ current: z.unknown().optional() });

export const ZOk = z.object({ ok: z.literal(true) });

/** The language of a file made for reading (a calendar entry, a PDF); Dutch unless asked otherwise. */
export const ZLangQuery = z.object({ lang: z.enum(LOCALES).default('nl') });

export const ZIdParams = z.object({ id: zId });
