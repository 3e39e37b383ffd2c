import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CohortQuery } from '../../../../contracts/programmes.ts';
import { api, unwrap } from '../../../api/client.ts';
import { programmeKeys } from './keys.ts';

/** The programme's cohort figures under the chosen filters; the last figures stay while new ones load. */
export function useCohort(id: string, filter: CohortQuery) {
  return useQuery({
    queryKey: programmeKeys.cohort(id, filter),
    queryFn: () => unwrap(api.GET('/programmes/{id}/cohort', { params: { path: { id }, query: filter } })),
    retry: false,
    // Keeps the chart (and the sections below it) in place while a changed filter loads.
    placeholderData: keepPreviousData,
  });
}
