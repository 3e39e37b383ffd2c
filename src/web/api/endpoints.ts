import type {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  Me,
  PlatformRole,
  SignInBody,
  SignUpBody,
} from '../../contracts/accounts.ts';
import type {
  CreatedInvitation,
  CreateInvitationBody,
  CreateOrganisationBody,
  Invitation,
  InvitationPreview,
  Member,
  MemberRole,
  Organisation,
  UpdateOrganisationBody,
} from '../../contracts/organisations.ts';
import type { AdminUser } from '../../contracts/platform.ts';
import { api, setCsrfToken } from './client.ts';

type Ok = { ok: true };

const withCsrf = async (promise: Promise<Me>) => {
  const me = await promise;
  setCsrfToken(me.csrfToken);
  return me;
};

/** One function per API operation; request and response types come from src/contracts. */
export const endpoints = {
  me: () => withCsrf(api<Me>('GET', '/me')),
  signUp: (body: SignUpBody) => withCsrf(api<Me>('POST', '/auth/sign-up', body)),
  signIn: (body: SignInBody) => withCsrf(api<Me>('POST', '/auth/sign-in', body)),
  signOut: () => api<Ok>('POST', '/auth/sign-out'),
  changePassword: (body: ChangePasswordBody) => api<Ok>('POST', '/me/password', body),
  switchOrganisation: (organisationId: string) =>
    api<Me>('PUT', '/me/active-organisation', { organisationId }),
  tokens: () => api<{ tokens: ApiToken[] }>('GET', '/me/tokens'),
  createToken: (name: string) => api<CreatedToken>('POST', '/me/tokens', { name }),
  revokeToken: (id: string) => api<Ok>('DELETE', `/me/tokens/${id}`),
  createOrganisation: (body: CreateOrganisationBody) => api<Organisation>('POST', '/organisations', body),
  organisation: () => api<Organisation>('GET', '/organisation'),
  updateOrganisation: (body: UpdateOrganisationBody) => api<Organisation>('PATCH', '/organisation', body),
  members: () => api<{ members: Member[] }>('GET', '/organisation/members'),
  changeRole: (userId: string, role: MemberRole) =>
    api<Ok>('PATCH', `/organisation/members/${userId}`, { role }),
  removeMember: (userId: string) => api<Ok>('DELETE', `/organisation/members/${userId}`),
  leaveOrganisation: () => api<Ok>('POST', '/organisation/leave'),
  invitations: () => api<{ invitations: Invitation[] }>('GET', '/organisation/invitations'),
  createInvitation: (body: CreateInvitationBody) =>
    api<CreatedInvitation>('POST', '/organisation/invitations', body),
  revokeInvitation: (id: string) => api<Ok>('DELETE', `/organisation/invitations/${id}`),
  previewInvitation: (token: string) =>
    api<InvitationPreview>('GET', `/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string) => api<Ok>('POST', `/invitations/${encodeURIComponent(token)}/accept`),
  adminUsers: (q: string, offset = 0) =>
    api<{ users: AdminUser[]; total: number }>(
      'GET',
      `/admin/users?${new URLSearchParams({ q, offset: String(offset) })}`,
    ),
  grantRole: (userId: string, role: PlatformRole) => api<Ok>('PUT', `/admin/users/${userId}/roles/${role}`),
  revokeRole: (userId: string, role: PlatformRole) =>
    api<Ok>('DELETE', `/admin/users/${userId}/roles/${role}`),
};
