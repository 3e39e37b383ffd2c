import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { programmeKeys } from './keys.ts';

/** The facilitator's programmes. */
export function useProgrammes() {
  return useQuery({ queryKey: programmeKeys.list(), queryFn: () => unwrap(api.GET('/programmes')) });
}
