/** Query keys of the platform administration; all start with 'platform'. */
export const platformKeys = {
  users: () => ['platform', 'users'] as const,
  userSearch: (q: string) => ['platform', 'users', q] as const,
};
