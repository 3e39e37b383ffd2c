import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { accountKeys } from './keys.ts';

/** The user's personal API tokens (never their secrets). */
export function useTokens() {
  return useQuery({ queryKey: accountKeys.tokens(), queryFn: () => unwrap(api.GET('/me/tokens')) });
}
