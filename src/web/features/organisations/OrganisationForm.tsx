import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, UpdateOrganisationBody } from '../../../contracts/organisations.ts';
import { EMPLOYEE_BANDS, IMPACT_ORIENTATIONS, ORGANISATION_TYPES } from '../../../contracts/values.ts';
import { ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';

type FieldName =
  | 'name'
  | 'type'
  | 'impactOrientation'
  | 'sector'
  | 'employees'
  | 'yearFounded'
  | 'place'
  | 'website'
  | 'description';
type Values = Record<FieldName, string>;

function toValues(org?: Organisation): Values {
  return {
    name: org?.name ?? '',
    type: org?.type ?? '',
    impactOrientation: org?.impactOrientation ?? '',
    sector: org?.sector ?? '',
    employees: org?.employees ?? '',
    yearFounded: org?.yearFounded?.toString() ?? '',
    place: org?.place ?? '',
    website: org?.website ?? '',
    description: org?.description ?? '',
  };
}

/** Form values to the API body: empty optional fields become null, the year a number. */
function toBody(values: Values): UpdateOrganisationBody {
  const optional = (v: string) => (v.trim() === '' ? null : v);
  return {
    name: values.name,
    type: values.type as Organisation['type'],
    impactOrientation: optional(values.impactOrientation) as Organisation['impactOrientation'],
    sector: optional(values.sector),
    employees: optional(values.employees) as Organisation['employees'],
    yearFounded: values.yearFounded.trim() === '' ? null : Number(values.yearFounded),
    place: optional(values.place),
    website: optional(values.website.trim()),
    description: optional(values.description),
  };
}

export function OrganisationForm(props: {
  initial?: Organisation;
  submitLabel: string;
  pending: boolean;
  serverError: unknown;
  onSubmit: (body: UpdateOrganisationBody) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => toValues(props.initial));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const set = (name: FieldName) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });

  const server = props.serverError instanceof ApiError ? props.serverError : undefined;
  const errorOf = (name: FieldName) =>
    errors[name] ??
    (server?.fieldError(name) ? t('errors.field.invalid', { message: server.fieldError(name) }) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!values.name.trim()) found.name = t('errors.field.required');
    if (!values.type) found.type = t('errors.field.required');
    const year = values.yearFounded.trim();
    if (
      year &&
      (!/^\d{4}$/.test(year) || Number(year) < 1500 || Number(year) > new Date().getFullYear() + 1)
    ) {
      found.yearFounded = t('errors.field.year');
    }
    if (values.website.trim() && !/^https?:\/\/\S+$/i.test(values.website.trim())) {
      found.website = t('errors.field.website');
    }
    setErrors(found);
    if (Object.keys(found).length === 0) props.onSubmit(toBody(values));
  };

  const label = (name: FieldName) => t(`organisation.fields.${name}`);
  return (
    <form onSubmit={submit} noValidate className="card form org-form">
      <Field label={label('name')} error={errorOf('name')}>
        {(p) => <input {...p} value={values.name} onChange={set('name')} autoComplete="organization" />}
      </Field>
      <Field label={label('type')} error={errorOf('type')}>
        {(p) => (
          <select {...p} value={values.type} onChange={set('type')}>
            <option value="">{t('organisation.choose')}</option>
            {ORGANISATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`organisation.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field">
        <legend>{label('impactOrientation')}</legend>
        <div className="radio-row">
          {IMPACT_ORIENTATIONS.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="impactOrientation"
                value={value}
                checked={values.impactOrientation === value}
                onChange={set('impactOrientation')}
              />
              {t(`organisation.impact.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid-2">
        <Field label={label('sector')} error={errorOf('sector')}>
          {(p) => <input {...p} value={values.sector} onChange={set('sector')} />}
        </Field>
        <Field label={label('employees')} error={errorOf('employees')}>
          {(p) => (
            <select {...p} value={values.employees} onChange={set('employees')}>
              <option value="">{t('organisation.choose')}</option>
              {EMPLOYEE_BANDS.map((band) => (
                <option key={band} value={band}>
                  {t(`organisation.employees.${band}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={label('yearFounded')} error={errorOf('yearFounded')}>
          {(p) => (
            <input {...p} inputMode="numeric" value={values.yearFounded} onChange={set('yearFounded')} />
          )}
        </Field>
        <Field label={label('place')} error={errorOf('place')}>
          {(p) => <input {...p} value={values.place} onChange={set('place')} autoComplete="address-level2" />}
        </Field>
      </div>
      <Field label={label('website')} error={errorOf('website')}>
        {(p) => (
          <input {...p} type="url" value={values.website} onChange={set('website')} placeholder="https://" />
        )}
      </Field>
      <Field label={label('description')} error={errorOf('description')}>
        {(p) => (
          <textarea
            {...p}
            rows={4}
            maxLength={2000}
            value={values.description}
            onChange={set('description')}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button primary" disabled={props.pending}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('organisation.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
