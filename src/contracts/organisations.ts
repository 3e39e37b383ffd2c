import { z } from 'zod';
import {
  EMPLOYEE_BANDS,
  IMPACT_ORIENTATIONS,
  MEMBER_ROLES,
  ORGANISATION_TYPES,
} from '../domain/vocabulary.ts';
import { zEmail, zId, zRequiredText, zText } from './common.ts';
export const ZOrganisationType = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof ZOrganisationType>;

export const ZMemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof ZMemberRole>;

const zWebsite = zText(300).refine((value) => {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}, 'must be a web address starting with https:// or http://');

export const ZOrganisationProfileFields = z.object({
  name: zRequiredText(200),
  type: ZOrganisationType,
  impactOrientation: z.enum(IMPACT_ORIENTATIONS).nullable(),
  sector: zText(200).nullable(),
  employees: z.enum(EMPLOYEE_BANDS).nullable(),
  yearFounded: z
    .number()
    .int('must be a whole year')
    .min(1500, 'must be 1500 or later')
    .max(new Date().getUTCFullYear() + 1, 'cannot be in the future')
    .nullable(),
  place: zText(200).nullable(),
  website: zWebsite.nullable(),
  description: zText(2000).nullable(),
});

export const ZCreateOrganisationBody = ZOrganisationProfileFields.partial().required({
  name: true,
  type: true,
});
export type CreateOrganisationBody = z.input<typeof ZCreateOrganisationBody>;
export const ZUpdateOrganisationBody = ZOrganisationProfileFields.partial().refine(
  (body) => Object.keys(body).length > 0,
  'send at least one field to change',
);
export type UpdateOrganisationBody = z.input<typeof ZUpdateOrganisationBody>;

export const ZOrganisation = ZOrganisationProfileFields.extend({
  id: zId,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set while a deletion is pending: the organisation is erased then unless an admin cancels. */
  deletionDueAt: z.string().nullable(),
  myRole: ZMemberRole,
}).meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof ZOrganisation>;

export const ZSwitchOrganisationBody = z.object({ organisationId: zId });

export const ZMember = z
  .object({ userId: zId, name: z.string(), email: z.string(), role: ZMemberRole, joinedAt: z.string() })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof ZMember>;
export const ZMemberList = z.object({ members: z.array(ZMember) });
export const ZUserIdParams = z.object({ userId: zId });
export const ZChangeRoleBody = z.object({ role: ZMemberRole });

export const ZCreateInvitationBody = z.object({
  email: zEmail.nullable().optional(),
  role: ZMemberRole.default('member'),
});
export type CreateInvitationBody = z.input<typeof ZCreateInvitationBody>;
export const ZInvitation = z
  .object({
    id: zId,
    email: z.string().nullable(),
    role: ZMemberRole,
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['open', 'accepted', 'expired', 'revoked']),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof ZInvitation>;
export const ZInvitationList = z.object({ invitations: z.array(ZInvitation) });
/** The link is in this response only; the server keeps a hash of its secret. */
export const ZCreatedInvitation = z.object({
  invitation: ZInvitation,
  link: z.string(),
  emailed: z.boolean(),
});
export type CreatedInvitation = z.infer<typeof ZCreatedInvitation>;

export const ZInvitationTokenParams = z.object({ token: z.string().min(10).max(200) });
export const ZInvitationPreview = z.object({
  organisationName: z.string(),
  role: ZMemberRole,
  expiresAt: z.string(),
  status: z.enum(['open', 'accepted', 'expired', 'revoked']),
});
export type InvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZMembershipList = z.object({
  organisations: z.array(z.object({ organisationId: zId, name: z.string(), role: ZMemberRole })),
});
