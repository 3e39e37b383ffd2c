import type { Cell, DeliverableContent, DeliverableId, FieldValue, Row } from './forms.ts';
import { DELIVERABLE_FORMS } from './forms.ts';

/**
 * What changed between two versions of a deliverable, field by field, in terms a person reads: a text set,
 * cleared or changed; list items added or removed; table rows added, removed or changed (which columns).
 */
export type Change =
  | { field: string; kind: 'set' | 'cleared' | 'changed'; before: Cell; after: Cell }
  | { field: string; kind: 'added' | 'removed'; item: string }
  | { field: string; kind: 'row-added' | 'row-removed'; row: number; summary: string }
  | {
      field: string;
      kind: 'row-changed';
      row: number;
      summary: string;
      columns: { column: string; before: Cell; after: Cell }[];
    };

const cell = (v: unknown): Cell => (typeof v === 'string' || typeof v === 'number' ? v : null);
const isBlank = (v: Cell) => v === null || v === '';

export function diffContent(
  deliverableId: DeliverableId,
  before: DeliverableContent | null,
  after: DeliverableContent | null,
): Change[] {
  const changes: Change[] = [];
  for (const field of DELIVERABLE_FORMS[deliverableId].fields) {
    const a = before?.[field.id] ?? null;
    const b = after?.[field.id] ?? null;
    if (field.kind === 'list') {
      const was = strings(a);
      const now = strings(b);
      for (const item of was)
        if (!now.includes(item)) changes.push({ field: field.id, kind: 'removed', item });
      for (const item of now) if (!was.includes(item)) changes.push({ field: field.id, kind: 'added', item });
    } else if (field.kind === 'table') {
      changes.push(
        ...diffRows(
          field.id,
          rows(a),
          rows(b),
          field.columns.map((c) => c.id),
          field.keyed,
        ),
      );
    } else {
      const x = cell(a);
      const y = cell(b);
      if (x === y || (isBlank(x) && isBlank(y))) continue;
      const kind = isBlank(x) ? 'set' : isBlank(y) ? 'cleared' : 'changed';
      changes.push({ field: field.id, kind, before: x, after: y });
    }
  }
  return changes;
}

function strings(v: FieldValue | null): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function rows(v: FieldValue | null): Row[] {
  return Array.isArray(v) ? v.filter((x): x is Row => typeof x === 'object' && x !== null) : [];
}

/** Keyed rows are matched by id; others by position, as a person edits a table in place. */
function diffRows(field: string, was: Row[], now: Row[], columns: string[], keyed?: boolean): Change[] {
  const out: Change[] = [];
  const summary = (r: Row) =>
    columns
      .map((c) => cell(r[c]))
      .find((v) => !isBlank(v))
      ?.toString() ?? '';
  const pairs: [Row | undefined, Row | undefined, number][] = [];
  if (keyed) {
    const byId = new Map(was.map((r) => [r.id, r]));
    now.forEach((r, i) => {
      pairs.push([byId.get(r.id ?? null), r, i]);
      byId.delete(r.id ?? null);
    });
    for (const r of byId.values()) pairs.push([r, undefined, was.indexOf(r)]);
  } else {
    for (let i = 0; i < Math.max(was.length, now.length); i++) pairs.push([was[i], now[i], i]);
  }
  for (const [x, y, i] of pairs) {
    if (!x && y) out.push({ field, kind: 'row-added', row: i + 1, summary: summary(y) });
    else if (x && !y) out.push({ field, kind: 'row-removed', row: i + 1, summary: summary(x) });
    else if (x && y) {
      const changed = columns
        .filter((c) => cell(x[c]) !== cell(y[c]) && !(isBlank(cell(x[c])) && isBlank(cell(y[c]))))
        .map((c) => ({ column: c, before: cell(x[c]), after: cell(y[c]) }));
      if (changed.length)
        out.push({ field, kind: 'row-changed', row: i + 1, summary: summary(y), columns: changed });
    }
  }
  return out;
}
