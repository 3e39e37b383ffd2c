// The id lists of the product, written once: contracts build their zod enums from them, the database schema
// its column enums, and the web client its choices. A list here is a promise kept by every layer.

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The paper sizes of the printable empty canvas (GET /instrument/canvas.pdf). */
export const CANVAS_SIZES = ['a4', 'a3'] as const;
export type CanvasSize = (typeof CANVAS_SIZES)[number];

/** The wheel's stages from the outer ring inwards: the order in which a collaboration grows. */
export const STAGE_IDS = ['orientation', 'integration', 'transformation'] as const;
export type StageId = (typeof STAGE_IDS)[number];
export const RINGS = ['outer', 'middle', 'core'] as const;
export type Ring = (typeof RINGS)[number];
/** The wheel's domains in clockwise order. */
export const DOMAIN_IDS = ['value-creation', 'resources', 'partnership-processes'] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

/** A collaboration's ambition, and each partner's partnership ambition in the self-assessment. */
export const AMBITIONS = ['transaction', 'integration', 'transformation'] as const;
export type Ambition = (typeof AMBITIONS)[number];
export const IMPACT_LEVELS = ['individual', 'organisation', 'society'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];
/** Where the self-assessment places a partnership on the collaboration continuum (docs/rules.md). */
export const CONTINUUM_POSITIONS = [
  'philanthropic',
  'transactional',
  'integrative',
  'transformational',
  'not-enough-answers',
] as const;
export type ContinuumPosition = (typeof CONTINUUM_POSITIONS)[number];
export const REVEAL_REASONS = ['all-submitted', 'early'] as const;
export type RevealReason = (typeof REVEAL_REASONS)[number];

export const ORGANISATION_TYPES = [
  'wise',
  'social-enterprise',
  'regular-company',
  'municipality',
  'public-employment-service',
  'training-centre',
  'social-enterprise-platform',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const IMPACT_ORIENTATIONS = ['impact-first', 'impact-second'] as const;
/** Employee bands of the research sample (de Bell and Bakker, Table 1). */
export const EMPLOYEE_BANDS = ['<50', '50-100', '100-150', '150-250', '>250'] as const;
export const MEMBER_ROLES = ['admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const PLATFORM_ROLES = ['platform_admin', 'facilitator', 'researcher'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** The shortest password an account may have, checked by the API and hinted by the sign-up form. */
export const PASSWORD_MIN = 12;

/**
 * Security events kept in the audit log (issue 9, point 15). An organisation's admins see the ones about their
 * organisation; a person sees their own; the platform admin sees all.
 */
export const AUDIT_EVENTS = [
  'sign-in',
  'sign-in-failed',
  'password-changed',
  'token-created',
  'token-revoked',
  'member-role-changed',
  'member-removed',
  'platform-role-granted',
  'platform-role-revoked',
  'organisation-exported',
  'account-exported',
  'organisation-deletion-requested',
  'organisation-deletion-cancelled',
  'organisation-erased',
  'account-deleted',
  'password-reset-requested',
  'password-reset',
] as const;
export type AuditEventKind = (typeof AUDIT_EVENTS)[number];

/** How often partners mean to hold a round: after this long past a reveal, both are asked to start the next. */
export const ROUND_CADENCES = ['off', 'monthly', 'two-monthly', 'quarterly', 'half-yearly'] as const;
export type RoundCadence = (typeof ROUND_CADENCES)[number];

/** What a person can be told about (issue 11); each kind can be had in the app, also by e-mail, or not at all. */
export const NOTIFICATION_KINDS = [
  'invited',
  'partner-joined',
  'partner-submitted',
  'round-revealed',
  'action-assigned',
  'action-due-soon',
  'action-overdue',
  'agreement-changed',
  'conversation-tomorrow',
  'round-due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_CHANNELS = ['email', 'in-app', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
