import { z } from 'zod';
import { zDate, zEmail, zId, zRequiredText, zText } from './common.ts';
import { ZOrganisationType } from './organisations.ts';

export const ZCreateProgrammeBody = z.object({
  name: zRequiredText(200),
  description: zText(4000).nullable().optional(),
  startsOn: zDate.nullable().optional(),
  endsOn: zDate.nullable().optional(),
});
export type CreateProgrammeBody = z.input<typeof ZCreateProgrammeBody>;

export const ZProgramme = z
  .object({
    id: zId,
    name: z.string(),
    description: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Programme' });
export type Programme = z.infer<typeof ZProgramme>;

export const ZProgrammeMember = z.object({
  organisationId: zId,
  name: z.string(),
  type: ZOrganisationType,
  joinedAt: z.string(),
  consent: z.boolean(),
});
export const ZProgrammeDetail = ZProgramme.extend({ members: z.array(ZProgrammeMember) }).meta({
  id: 'ProgrammeDetail',
});
export type ProgrammeDetail = z.infer<typeof ZProgrammeDetail>;
export const ZProgrammeList = z.object({ programmes: z.array(ZProgramme) });

export const ZCohortQuery = z.object({
  type: ZOrganisationType.optional(),
  /** A calendar year: per organisation and collaboration, the latest self-assessment revealed in it. */
  period: z.coerce.number().int().min(2000).max(2999).optional(),
});
export type CohortQuery = z.infer<typeof ZCohortQuery>;

export const ZCohortPublication = z
  .object({ number: z.number().int(), publishedAt: z.string() })
  .meta({ id: 'CohortPublication' });

export const ZCohort = z
  .object({
    minimum: z.number().int(),
    /** The snapshot the figures come from; null before the first publication. */
    published: ZCohortPublication.nullable(),
    /** A newer snapshot exists but rests on an organisation that has since withdrawn its consent. */
    withdrawn: z.boolean(),
    /** Respondents outside your own organisations that came or went since the newest snapshot. */
    changes: z.number().int(),
    /** The periods (calendar years) the figures can be filtered by, oldest first. */
    periods: z.array(z.number().int()),
    statements: z.array(
      z.object({
        itemId: z.string(),
        /** Respondents who answered; null when the row is hidden as too small a group. */
        n: z.number().int().nullable(),
        /** Strongly disagree … strongly agree; null when hidden. */
        counts: z.array(z.number().int()).nullable(),
      }),
    ),
  })
  .meta({ id: 'Cohort' });
export type Cohort = z.infer<typeof ZCohort>;

export const ZProgrammeInvitationPreview = z.object({
  programmeName: z.string(),
  expiresAt: z.string(),
  open: z.boolean(),
});
/** Optionally to an address: someone with an account there finds it on their dashboard and is notified. */
export const ZCreateProgrammeInvitationBody = z.object({ email: zEmail.optional() }).nullish();
export const ZCreatedProgrammeInvitation = z.object({
  link: z.string(),
  expiresAt: z.string(),
  sentTo: z.string().nullable(),
});
/** An open programme invitation sent to the signed-in person's address. */
export const ZReceivedProgrammeInvitations = z.object({
  invitations: z.array(z.object({ id: zId, programmeName: z.string(), expiresAt: z.string() })),
});
export const ZMyProgramme = z.object({ id: zId, name: z.string(), consent: z.boolean() });
export const ZMyProgrammes = z.object({ programmes: z.array(ZMyProgramme) });
export const ZConsentBody = z.object({ consent: z.boolean() });
