import type { CohortQuery } from '../../../../contracts/programmes.ts';

/** Query keys of programmes; all start with 'programmes'. */
export const programmeKeys = {
  list: () => ['programmes', 'list'] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
  cohort: (id: string, filter: CohortQuery) => ['programmes', 'cohort', id, filter] as const,
  invitation: (token: string) => ['programmes', 'invitation', token] as const,
  /** The programmes the acting organisation takes part in, with its consent to share. */
  mine: () => ['programmes', 'mine'] as const,
};
