import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export function useJoinProgramme(token: string) {
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/programme-invitations/{token}/join', { params: { path: { token } } })),
  });
}
