import { z } from 'zod';

/** PostgreSQL text cannot hold NUL, and unpaired surrogates cannot round-trip through UTF-8. */
function storable(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
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

export const ZOk = z.object({ ok: z.literal(true) });

export const ZIdParams = z.object({ id: zId });
