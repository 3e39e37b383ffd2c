import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { programmeKeys } from './keys.ts';

/** The programmes the acting organisation takes part in, with its consent to share. */
export function useMyProgrammes() {
  return useQuery({
    queryKey: programmeKeys.mine(),
    queryFn: () => unwrap(api.GET('/organisation/programmes')),
  });
}
