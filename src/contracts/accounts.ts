import { z } from 'zod';
import { PASSWORD_MIN, PLATFORM_ROLES } from '../domain/vocabulary.ts';
import { ZErrorResponse, zEmail, zId, zRequiredText, zText } from './common.ts';

const zPassword = zText(200).refine(
  (p) => [...p].length >= PASSWORD_MIN,
  `at least ${PASSWORD_MIN} characters`,
);

export const ZPlatformRole = z.enum(PLATFORM_ROLES);
export type PlatformRole = z.infer<typeof ZPlatformRole>;

export const ZSignUpBody = z.object({ name: zRequiredText(200), email: zEmail, password: zPassword });
export type SignUpBody = z.input<typeof ZSignUpBody>;

/**
 * Sign-up's answer when nobody is signed in yet: the same for a new and an existing address (decision 0012).
 * `emailSent`: a message went to the address (confirm link, or "you already have an account"); it depends
 * only on whether this installation sends e-mail, never on the address.
 */
export const ZSignUpAccepted = z.object({ emailSent: z.boolean() }).meta({ id: 'SignUpAccepted' });
export type SignUpAccepted = z.infer<typeof ZSignUpAccepted>;

export const ZPasswordResetRequestBody = z.object({ email: zEmail });
export type PasswordResetRequestBody = z.input<typeof ZPasswordResetRequestBody>;
/** The same for every address: whether an account has it is not told (`emailSent` depends on SMTP_URL only). */
export const ZPasswordResetAccepted = z
  .object({ emailSent: z.boolean() })
  .meta({ id: 'PasswordResetAccepted' });
export type PasswordResetAccepted = z.infer<typeof ZPasswordResetAccepted>;
export const ZPasswordResetBody = z.object({ password: zPassword });
export type PasswordResetBody = z.input<typeof ZPasswordResetBody>;

export const ZLinkTokenParams = z.object({ token: z.string().min(10).max(200) });

export const ZSignInBody = z.object({ email: zEmail, password: zText(200) });
export type SignInBody = z.input<typeof ZSignInBody>;

export const ZChangePasswordBody = z.object({
  currentPassword: zText(200),
  newPassword: zPassword,
  /** Also revoke every personal API token (other sessions end in any case). */
  revokeTokens: z.boolean().optional(),
});
export type ChangePasswordBody = z.input<typeof ZChangePasswordBody>;

export const ZMembershipSummary = z.object({
  organisationId: zId,
  name: z.string(),
  role: z.enum(['admin', 'member']),
});

export const ZMe = z
  .object({
    user: z.object({ id: zId, name: z.string(), email: z.string(), platformRoles: z.array(ZPlatformRole) }),
    activeOrganisationId: zId.nullable(),
    memberships: z.array(ZMembershipSummary),
    /** Echo this in the X-CSRF-Token header on every write made with the session cookie. */
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof ZMe>;

export const ZCreateTokenBody = z.object({
  name: zRequiredText(100),
  /** The token is refused after this moment (ISO 8601, in the future); without it, it works until revoked. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be a date and time (ISO 8601)' })
    .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
    .optional(),
});
export type CreateTokenBody = z.input<typeof ZCreateTokenBody>;

export const ZApiToken = z
  .object({
    id: zId,
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = z.object({ tokens: z.array(ZApiToken) });
/** Returned once, at creation: the secret is stored only as a hash. */
export const ZCreatedToken = z.object({ token: ZApiToken, secret: z.string() });
export type CreatedToken = z.infer<typeof ZCreatedToken>;

/** Deleting one's own account asks for the password again. */
export const ZDeleteAccountBody = z.object({ password: zText(200) });
export type DeleteAccountBody = z.input<typeof ZDeleteAccountBody>;
/**
 * 409 `last_admin_of_organisations`: the organisations that would be left without an admin, so the person can
 * make someone else admin there or delete the organisation first.
 */
export const ZDeleteAccountConflict = ZErrorResponse.extend({
  organisations: z.array(z.object({ id: zId, name: z.string() })).optional(),
}).meta({ id: 'DeleteAccountConflict' });
