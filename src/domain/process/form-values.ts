import {
  type Cell,
  DELIVERABLE_FORMS,
  type DeliverableContent,
  type DeliverableId,
  type Field,
  type Row,
} from './forms.ts';

/**
 * A deliverable as a form holds it: every field as the text a person typed (a list one item per line, a table
 * as rows of texts), so nothing they type is lost or reformatted while they type. Converted to content only
 * when saved.
 */
export type FormRow = Record<string, string>;
export type FormValues = Record<string, string | FormRow[]>;

function cellText(value: Cell | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function toFormValues(id: DeliverableId, content: DeliverableContent | null): FormValues {
  const values: FormValues = {};
  for (const field of DELIVERABLE_FORMS[id].fields) {
    const value = content?.[field.id];
    if (field.kind === 'list') values[field.id] = Array.isArray(value) ? (value as string[]).join('\n') : '';
    else if (field.kind === 'table')
      values[field.id] = Array.isArray(value)
        ? (value as Row[]).map((row) =>
            Object.fromEntries(
              [...field.columns.map((c) => c.id), ...(field.keyed ? ['id'] : [])].map((c) => [
                c,
                cellText(row[c]),
              ]),
            ),
          )
        : [];
    else values[field.id] = cellText(value as Cell | undefined);
  }
  return values;
}

/**
 * A number as Dutch and English people type it: "1.250,5" and "1,250.5" and "1250,5" all mean 1250.5. A single
 * separator followed by exactly three digits is read as thousands ("1.250" is 1250), as in both languages'
 * money amounts. Anything else that is not a number stays text, for the API to refuse by name.
 */
export function parseNumber(text: string): number | string {
  const t = text.trim().replace(/[\s\u00a0€]/g, '');
  if (!/^[-+]?[\d.,]+$/.test(t)) return text;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    normal = t.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = t.split(sep);
    const thousands =
      parts.length > 2 ||
      (parts.length === 2 &&
        parts[1]!.length === 3 &&
        parts[0] !== '' &&
        parts[0] !== '0' &&
        parts[0] !== '-0');
    normal = thousands ? parts.join('') : parts.join('.');
  } else normal = t;
  const n = Number(normal);
  return Number.isFinite(n) ? n : text;
}

function toCell(field: Pick<Field, 'kind'>, text: string): Cell {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (field.kind === 'number') return parseNumber(trimmed);
  return field.kind === 'longText' ? text : trimmed;
}

/** The content to save: empty fields are null, empty lines and rows left out, numbers read as typed. */
export function fromFormValues(id: DeliverableId, values: FormValues): DeliverableContent {
  const content: DeliverableContent = {};
  for (const field of DELIVERABLE_FORMS[id].fields) {
    const value = values[field.id];
    if (field.kind === 'list')
      content[field.id] = String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    else if (field.kind === 'table')
      content[field.id] = (Array.isArray(value) ? value : [])
        .map((row) => {
          const out: Row = {};
          for (const column of field.columns) out[column.id] = toCell(column, row[column.id] ?? '');
          if (field.keyed && row.id) out.id = row.id;
          return out;
        })
        .filter((row) => field.columns.some((c) => row[c.id] !== null));
    else content[field.id] = toCell(field, typeof value === 'string' ? value : '');
  }
  return content;
}
