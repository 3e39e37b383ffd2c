/**
 * Query keys of collaborations; all start with 'collaborations'. The list and a workspace are separate
 * branches, so refreshing the dashboard's list leaves open workspaces alone and the other way round.
 */
export const collaborationKeys = {
  list: () => ['collaborations', 'list'] as const,
  workspace: (id: string) => ['collaborations', 'workspace', id] as const,
  received: () => ['collaborations', 'received-invitations'] as const,
  receivedProgrammes: () => ['collaborations', 'received-programme-invitations'] as const,
  presence: (id: string) => ['collaborations', 'presence', id] as const,
  partnerInvitation: (token: string) => ['collaborations', 'partner-invitation', token] as const,
};
