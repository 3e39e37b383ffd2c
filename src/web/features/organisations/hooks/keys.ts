/** Query keys of the acting organisation and its invitations; all start with 'organisations'. */
export const organisationKeys = {
  current: () => ['organisations', 'current'] as const,
  members: () => ['organisations', 'members'] as const,
  invitations: () => ['organisations', 'invitations'] as const,
  invitation: (token: string) => ['organisations', 'invitation', token] as const,
};
