import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { programmeKeys } from './keys.ts';

/** One programme with its member organisations; a 404 is an answer, not retried. */
export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: () => unwrap(api.GET('/programmes/{id}', { params: { path: { id } } })),
    retry: false,
  });
}
