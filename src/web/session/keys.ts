/** Query keys of the session: who is signed in and for which organisation they act. */
export const sessionKeys = {
  me: () => ['session', 'me'] as const,
};
