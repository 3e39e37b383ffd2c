import type {
  ApiToken,
  ChangePasswordBody,
  CreatedToken,
  Me,
  PlatformRole,
  SignInBody,
  SignUpBody,
} from '../../contracts/accounts.ts';
import type { AssessmentView, SaveAssessmentBody } from '../../contracts/assessment.ts';
import type {
  Action,
  Agreement,
  Answer,
  CollaborationInvitationPreview,
  CollaborationSummary,
  CreateActionBody,
  CreateAgreementBody,
  CreateCollaborationBody,
  Round,
  SaveAnswerBody,
  UpdateActionBody,
  UpdateAgreementBody,
  Workspace,
} from '../../contracts/collaborations.ts';
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
import type { Cohort, CreateProgrammeBody, Programme, ProgrammeDetail } from '../../contracts/programmes.ts';
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
  collaborations: () => api<{ collaborations: CollaborationSummary[] }>('GET', '/collaborations'),
  createCollaboration: (body: CreateCollaborationBody) => api<Workspace>('POST', '/collaborations', body),
  workspace: (id: string) => api<Workspace>('GET', `/collaborations/${id}`),
  round: (id: string, number: number) => api<Round>('GET', `/collaborations/${id}/rounds/${number}`),
  saveAnswer: (id: string, topicId: string, body: SaveAnswerBody) =>
    api<Answer>('PUT', `/collaborations/${id}/answers/${topicId}`, body),
  submitRound: (id: string) => api<{ revealed: boolean }>('POST', `/collaborations/${id}/submit`),
  revealEarly: (id: string) => api<{ revealed: boolean }>('POST', `/collaborations/${id}/reveal-early`),
  startRound: (id: string) => api<Workspace>('POST', `/collaborations/${id}/rounds`),
  inviteCollaborationPartner: (id: string) =>
    api<{ link: string; expiresAt: string }>('POST', `/collaborations/${id}/invitations`),
  leaveCollaboration: (id: string) => api<Ok>('POST', `/collaborations/${id}/leave`),
  archiveCollaboration: (id: string) => api<Ok>('POST', `/collaborations/${id}/archive`),
  previewPartnerInvitation: (token: string) =>
    api<CollaborationInvitationPreview>('GET', `/partner-invitations/${encodeURIComponent(token)}`),
  acceptPartnerInvitation: (token: string) =>
    api<{ collaborationId: string }>('POST', `/partner-invitations/${encodeURIComponent(token)}/accept`),
  declinePartnerInvitation: (token: string) =>
    api<Ok>('POST', `/partner-invitations/${encodeURIComponent(token)}/decline`),
  createAgreement: (id: string, body: CreateAgreementBody) =>
    api<Agreement>('POST', `/collaborations/${id}/agreements`, body),
  updateAgreement: (id: string, agreementId: string, body: UpdateAgreementBody) =>
    api<Agreement>('PATCH', `/collaborations/${id}/agreements/${agreementId}`, body),
  deleteAgreement: (id: string, agreementId: string) =>
    api<Ok>('DELETE', `/collaborations/${id}/agreements/${agreementId}`),
  createAction: (id: string, body: CreateActionBody) =>
    api<Action>('POST', `/collaborations/${id}/actions`, body),
  updateAction: (id: string, actionId: string, body: UpdateActionBody) =>
    api<Action>('PATCH', `/collaborations/${id}/actions/${actionId}`, body),
  deleteAction: (id: string, actionId: string) =>
    api<Ok>('DELETE', `/collaborations/${id}/actions/${actionId}`),
  assessment: (id: string, round?: number) =>
    api<AssessmentView>('GET', `/collaborations/${id}/assessment${round ? `?round=${round}` : ''}`),
  saveAssessment: (id: string, body: SaveAssessmentBody) =>
    api<AssessmentView>('PUT', `/collaborations/${id}/assessment`, body),
  submitAssessment: (id: string) => api<AssessmentView>('POST', `/collaborations/${id}/assessment/submit`),
  programmes: () => api<{ programmes: Programme[] }>('GET', '/programmes'),
  createProgramme: (body: CreateProgrammeBody) => api<Programme>('POST', '/programmes', body),
  programme: (id: string) => api<ProgrammeDetail>('GET', `/programmes/${id}`),
  inviteToProgramme: (id: string) =>
    api<{ link: string; expiresAt: string }>('POST', `/programmes/${id}/invitations`),
  cohort: (id: string, filter: { type?: string; round?: number }) =>
    api<Cohort>('GET', `/programmes/${id}/cohort?${cohortQuery(filter)}`),
  previewProgrammeInvitation: (token: string) =>
    api<{ programmeName: string; expiresAt: string; open: boolean }>(
      'GET',
      `/programme-invitations/${encodeURIComponent(token)}`,
    ),
  joinProgramme: (token: string) =>
    api<{ programmeId: string }>('POST', `/programme-invitations/${encodeURIComponent(token)}/join`),
  myProgrammes: () =>
    api<{ programmes: { id: string; name: string; consent: boolean }[] }>('GET', '/organisation/programmes'),
  setConsent: (id: string, consent: boolean) =>
    api<Ok>('PUT', `/organisation/programmes/${id}/consent`, { consent }),
};

/** The cohort filters as a query string (also used for the CSV link). */
export function cohortQuery(filter: { type?: string; round?: number }): string {
  const params = new URLSearchParams();
  if (filter.type) params.set('type', filter.type);
  if (filter.round) params.set('round', String(filter.round));
  return params.toString();
}
