import { useTranslation } from 'react-i18next';
import type {
  Column,
  DeliverableId,
  Field as FormField,
  FormRow,
  FormValues,
} from '../../../domain/process/index.ts';
import { DELIVERABLE_FORMS } from '../../../domain/process/index.ts';
import { Field } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useTranslate } from '../../i18n/index.ts';

type Partners = { organisationId: string; name: string }[];

/** One deliverable's form, drawn from its definition (domain/process/forms.ts); read-only when not editable. */
export function DeliverableForm(props: {
  deliverableId: DeliverableId;
  values: FormValues;
  onChange: (values: FormValues) => void;
  partners: Partners;
  readOnly: boolean;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { lang } = useTranslate();
  const { values, onChange } = props;
  const set = (id: string, value: string | FormRow[]) => onChange({ ...values, [id]: value });
  return (
    <div className="deliverable-form">
      {DELIVERABLE_FORMS[props.deliverableId].fields.map((field) =>
        field.kind === 'table' ? (
          <TableField
            key={field.id}
            field={field}
            rows={(values[field.id] as FormRow[] | undefined) ?? []}
            onChange={(rows) => set(field.id, rows)}
            partners={props.partners}
            readOnly={props.readOnly}
            error={props.fieldError(`content.${field.id}`)}
          />
        ) : (
          <Field
            key={field.id}
            label={field.label[lang]}
            hint={
              field.kind === 'list'
                ? [field.hint?.[lang], t('process.onePerLine')].filter(Boolean).join(' ')
                : field.hint?.[lang]
            }
            error={props.fieldError(`content.${field.id}`)}
          >
            {(control) => (
              <Control
                field={field}
                value={(values[field.id] as string | undefined) ?? ''}
                onChange={(v) => set(field.id, v)}
                partners={props.partners}
                readOnly={props.readOnly}
                control={control}
              />
            )}
          </Field>
        ),
      )}
    </div>
  );
}

function Control(props: {
  field: FormField | Column;
  value: string;
  onChange: (value: string) => void;
  partners: Partners;
  readOnly: boolean;
  control: Record<string, unknown> & { id?: string };
}) {
  const { t } = useTranslation();
  const { lang } = useTranslate();
  const { field, value, onChange, readOnly, control } = props;
  const common = { ...control, value, disabled: readOnly };
  switch (field.kind) {
    case 'longText':
    case 'list':
      return (
        <textarea
          {...common}
          rows={field.kind === 'list' ? 4 : 3}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'number':
      return <input {...common} type="text" inputMode="decimal" onChange={(e) => onChange(e.target.value)} />;
    case 'date':
      return (
        <input
          {...common}
          type="date"
          min="1900-01-01"
          max="2100-12-31"
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'choice':
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('process.choose')}</option>
          {field.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label[lang]}
            </option>
          ))}
        </select>
      );
    case 'organisation':
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('process.choose')}</option>
          {props.partners.map((p) => (
            <option key={p.organisationId} value={p.organisationId}>
              {p.name}
            </option>
          ))}
        </select>
      );
    default:
      return <input {...common} type="text" maxLength={200} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** A table field: one row per item, every cell labelled by its column for screen readers. */
function TableField(props: {
  field: Extract<FormField, { kind: 'table' }>;
  rows: FormRow[];
  onChange: (rows: FormRow[]) => void;
  partners: Partners;
  readOnly: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const { lang } = useTranslate();
  const { field, rows, onChange, readOnly } = props;
  const setCell = (i: number, column: string, value: string) =>
    onChange(rows.map((row, k) => (k === i ? { ...row, [column]: value } : row)));
  const label = field.label[lang];
  return (
    <fieldset className="field table-field">
      <legend>{label}</legend>
      {field.hint && <p className="hint">{field.hint[lang]}</p>}
      {rows.length === 0 ? (
        <p className="muted">{t('process.noRows')}</p>
      ) : (
        <TableWrap label={label}>
          <table className="table form-table">
            <thead>
              <tr>
                {field.columns.map((c) => (
                  <th key={c.id} scope="col">
                    {c.label[lang]}
                  </th>
                ))}
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('process.removeRow')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
                <tr key={i}>
                  {field.columns.map((c) => (
                    <td key={c.id}>
                      <Control
                        field={c}
                        value={row[c.id] ?? ''}
                        onChange={(v) => setCell(i, c.id, v)}
                        partners={props.partners}
                        readOnly={readOnly}
                        control={{ 'aria-label': `${c.label[lang]} (${t('process.row', { n: i + 1 })})` }}
                      />
                    </td>
                  ))}
                  {!readOnly && (
                    <td>
                      <button
                        type="button"
                        className="button small"
                        onClick={() => onChange(rows.filter((_, k) => k !== i))}
                        aria-label={t('process.removeRowN', { n: i + 1 })}
                      >
                        ×
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {props.error && <p className="field-error">{props.error}</p>}
      {!readOnly && (
        <button type="button" className="button small" onClick={() => onChange([...rows, {}])}>
          {t('process.addRow')}
        </button>
      )}
    </fieldset>
  );
}
