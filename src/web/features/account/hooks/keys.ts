/** Query keys of the signed-in person's own settings; all start with 'account'. */
export const accountKeys = {
  tokens: () => ['account', 'tokens'] as const,
};
