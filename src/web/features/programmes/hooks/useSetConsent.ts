import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { programmeKeys } from './keys.ts';

/** Gives or withdraws consent to share with a programme; read again either way, so a refusal shows the truth. */
export function useSetConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, consent }: { id: string; consent: boolean }) =>
      unwrap(
        api.PUT('/organisation/programmes/{id}/consent', { params: { path: { id } }, body: { consent } }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: programmeKeys.mine() }),
  });
}
