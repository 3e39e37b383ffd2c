import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { organisationKeys } from './keys.ts';

/** The acting organisation; a 404 (there is none) is an answer for the empty state, not worth a retry. */
export function useCurrentOrganisation() {
  return useQuery({
    queryKey: organisationKeys.current(),
    queryFn: () => unwrap(api.GET('/organisation')),
    retry: false,
  });
}
