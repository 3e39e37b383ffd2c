import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProgrammeBody } from '../../../../contracts/programmes.ts';
import { api, unwrap } from '../../../api/client.ts';
import { programmeKeys } from './keys.ts';

/** Creates a programme; the page's onSuccess (clearing its form) runs before the list is read again. */
export function useCreateProgramme(options: { onSuccess?: () => unknown } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProgrammeBody) => unwrap(api.POST('/programmes', { body })),
    onSuccess: async () => {
      await options.onSuccess?.();
      await client.invalidateQueries({ queryKey: programmeKeys.list() });
    },
  });
}
