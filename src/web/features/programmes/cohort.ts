import type { CohortQuery } from '../../../contracts/programmes.ts';

/** The cohort filters as a query string, for the CSV download link (the chart's query goes through the API client). */
export function cohortQuery(filter: CohortQuery): string {
  const params = new URLSearchParams();
  if (filter.type) params.set('type', filter.type);
  if (filter.period) params.set('period', String(filter.period));
  return params.toString();
}
