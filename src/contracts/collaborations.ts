import { z } from 'zod';
import { AMBITIONS, REVEAL_REASONS, ROUND_CADENCES, STAGE_IDS } from '../domain/vocabulary.ts';
import { INT_MAX, zCount, zDate, zDateTime, zEmail, zId, zRequiredText, zText, zWebLink } from './common.ts';
import { ZOrganisationType } from './organisations.ts';
import { ZDeliverableId } from './process.ts';

export const ZAmbition = z.enum(AMBITIONS);
export const ZStage = z.enum(STAGE_IDS);

/** 1 not at all … 4 fully, "nr" not relevant yet, null not answered. */
export const ZRating = z
  .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('nr')])
  .nullable();
export type RatingValue = z.infer<typeof ZRating>;

export const ZCreateCollaborationBody = z.object({
  name: zRequiredText(200),
  purpose: zText(2000).nullable().optional(),
  startDate: zDate.nullable().optional(),
  ambition: ZAmbition,
});
export type CreateCollaborationBody = z.input<typeof ZCreateCollaborationBody>;
export const ZUpdateCollaborationBody = ZCreateCollaborationBody.partial().refine(
  (b) => Object.keys(b).length > 0,
  'send at least one field to change',
);
export type UpdateCollaborationBody = z.input<typeof ZUpdateCollaborationBody>;

export const ZRoundCadence = z.enum(ROUND_CADENCES);

/** When the partners next meet and how often they hold a round (issue 11, "rhythm"). */
export const ZRhythm = z
  .object({
    nextConversation: z
      .object({ at: z.string(), place: z.string().nullable(), link: z.string().nullable() })
      .nullable(),
    cadence: ZRoundCadence,
    /** The date from which the partners are asked to start their next round; null while a round is open. */
    nextRoundDue: z.string().nullable(),
  })
  .meta({ id: 'Rhythm' });
export type Rhythm = z.infer<typeof ZRhythm>;

export const ZUpdateRhythmBody = z.object({
  /** Null clears the next conversation, with its place and link. */
  nextConversationAt: zDateTime.nullable(),
  place: zText(300).nullable().optional(),
  link: zWebLink.nullable().optional(),
  cadence: ZRoundCadence,
});
export type UpdateRhythmBody = z.input<typeof ZUpdateRhythmBody>;

export const ZCollaborationParams = z.object({ id: zId });
export const ZRoundParams = z.object({ id: zId, number: z.coerce.number().int().min(1).max(INT_MAX) });
export const ZTopicParams = z.object({ id: zId, topicId: z.string().max(60) });
export const ZItemParams = z.object({ id: zId, itemId: zId });

const ZParticipant = z.object({
  organisationId: zId,
  name: z.string(),
  type: ZOrganisationType,
  joinedAt: z.string(),
  /** The partner's organisation is to be deleted on this date, unless it cancels. */
  leavingOn: z.string().nullable(),
});
export type Participant = z.infer<typeof ZParticipant>;
/** A partner that left: named beside the answers it submitted before leaving. */
const ZFormerParticipant = ZParticipant.extend({ leftAt: z.string() });
export type FormerParticipant = z.infer<typeof ZFormerParticipant>;

export const ZCollaboration = z
  .object({
    id: zId,
    name: z.string(),
    purpose: z.string().nullable(),
    startDate: z.string().nullable(),
    ambition: ZAmbition,
    createdByOrganisationId: zId,
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
    rhythm: ZRhythm,
  })
  .meta({ id: 'Collaboration' });
export type Collaboration = z.infer<typeof ZCollaboration>;

export const ZCollaborationSummary = ZCollaboration.extend({
  partners: z.array(ZParticipant),
  round: z.number().int(),
  roundRevealed: z.boolean(),
  weSubmitted: z.boolean(),
  stage: ZStage.nullable(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
}).meta({ id: 'CollaborationSummary' });
export type CollaborationSummary = z.infer<typeof ZCollaborationSummary>;
export const ZCollaborationList = z.object({ collaborations: z.array(ZCollaborationSummary) });

export const ZAnswer = z.object({
  organisationId: zId,
  topicId: z.string(),
  rating: ZRating,
  answer: z.string().nullable(),
});
export type Answer = z.infer<typeof ZAnswer>;

export const ZRound = z
  .object({
    number: z.number().int(),
    startedAt: z.string(),
    revealedAt: z.string().nullable(),
    revealReason: z.enum(REVEAL_REASONS).nullable(),
    /** Per organisation only whether it submitted and agreed to reveal early; nothing about its answers. */
    status: z.array(z.object({ organisationId: zId, submitted: z.boolean(), earlyReveal: z.boolean() })),
    /** Your organisation's answers, always; other organisations' only once the round is revealed. */
    answers: z.array(ZAnswer),
  })
  .meta({ id: 'Round' });
export type Round = z.infer<typeof ZRound>;

export const ZAgreement = z
  .object({
    id: zId,
    /** A wheel topic, or else a deliverable of the partnering process: always one of the two. */
    topicId: z.string().nullable(),
    deliverableId: ZDeliverableId.nullable(),
    text: z.string(),
    agreedBy: z.string().nullable(),
    agreedOn: z.string(),
    /** The partner organisations that agreed to the current text; an edit of the text asks again. */
    approvals: z.array(z.object({ organisationId: zId, approvedAt: z.string() })),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof ZAgreement>;

export const ZAction = z
  .object({
    id: zId,
    /** A wheel topic, or else a deliverable of the partnering process: always one of the two. */
    topicId: z.string().nullable(),
    deliverableId: ZDeliverableId.nullable(),
    text: z.string(),
    /** Who does it: the name of the member below, or a free name. */
    owner: z.string().nullable(),
    /** A member of a partner organisation chosen from the list; null for a free name. */
    ownerUserId: zId.nullable(),
    dueDate: z.string().nullable(),
    done: z.boolean(),
    overdue: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Action' });
export type Action = z.infer<typeof ZAction>;

export const ZAgendaItem = z.object({
  topicId: z.string(),
  reason: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('gap'),
      ratings: z.record(z.string(), z.union([z.number(), z.literal('nr')])),
      spread: z.number(),
    }),
    z.object({ kind: z.literal('not-in-place'), stage: ZStage, average: z.number().nullable() }),
    z.object({ kind: z.literal('overdue-actions'), count: z.number().int() }),
  ]),
});
export type AgendaItemDto = z.infer<typeof ZAgendaItem>;

export const ZPlacement = z.object({
  round: z.number().int(),
  stage: ZStage,
  ringsInPlace: z.array(ZStage),
  notYetInPlace: z.array(z.string()),
  gaps: z.array(z.string()),
  inPlace: z.array(z.string()),
});
export type Placement = z.infer<typeof ZPlacement>;

const zShare = z.number().min(0).max(1);
export const ZTimelinePoint = z.object({
  round: z.number().int(),
  rings: z.record(ZStage, z.object({ overall: zShare, domains: z.record(z.string(), zShare) })),
  inPlace: z.array(z.string()),
  gaps: z.array(z.string()),
});

export const ZWorkspace = z
  .object({
    collaboration: ZCollaboration,
    us: z.object({ organisationId: zId, admin: z.boolean(), creator: z.boolean() }),
    participants: z.array(ZParticipant),
    formerParticipants: z.array(ZFormerParticipant),
    rounds: z.array(
      z.object({ number: z.number().int(), startedAt: z.string(), revealedAt: z.string().nullable() }),
    ),
    currentRound: ZRound,
    /** The latest revealed round before the current one, for reference while answering. */
    previousRound: ZRound.nullable(),
    placement: ZPlacement.nullable(),
    agenda: z.array(ZAgendaItem),
    agreements: z.array(ZAgreement),
    actions: z.array(ZAction),
    /** The members of the partner organisations, by name only: who can own an action. */
    people: z.array(z.object({ userId: zId, name: z.string(), organisationId: zId })),
    timeline: z.array(ZTimelinePoint),
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof ZWorkspace>;

export const ZSaveAnswerBody = z.object({ rating: ZRating, answer: zText(4000).nullable() });
export type SaveAnswerBody = z.input<typeof ZSaveAnswerBody>;

/** What an agreement or action belongs to: a wheel topic or a process deliverable, one of the two. */
const belongsTo = {
  topicId: z.string().max(60).optional(),
  deliverableId: ZDeliverableId.optional(),
};
const oneOfTopicOrDeliverable = (
  body: { topicId?: string; deliverableId?: string },
  ctx: z.RefinementCtx,
) => {
  if ((body.topicId === undefined) === (body.deliverableId === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [body.topicId === undefined ? 'topicId' : 'deliverableId'],
      message: 'send either topicId (a wheel topic) or deliverableId (a process deliverable), not both',
    });
};

export const ZCreateAgreementBody = z
  .object({
    ...belongsTo,
    text: zRequiredText(4000),
    agreedBy: zText(300).nullable().optional(),
    agreedOn: zDate.optional(),
  })
  .superRefine(oneOfTopicOrDeliverable);
export type CreateAgreementBody = z.input<typeof ZCreateAgreementBody>;
export const ZUpdateAgreementBody = z.object({
  text: zRequiredText(4000).optional(),
  agreedBy: zText(300).nullable().optional(),
  agreedOn: zDate.optional(),
  /** The version you edited; a different current version answers 409 with the current agreement. */
  version: zCount,
});
export type UpdateAgreementBody = z.input<typeof ZUpdateAgreementBody>;
/** Agreeing on behalf of your organisation to the text of the version you read. */
export const ZApproveAgreementBody = z.object({ version: zCount });
export type ApproveAgreementBody = z.input<typeof ZApproveAgreementBody>;

export const ZCreateActionBody = z
  .object({
    ...belongsTo,
    text: zRequiredText(2000),
    /** A free name, when no member of a partner organisation is chosen. */
    owner: zText(300).nullable().optional(),
    /** A member of one of the partner organisations (see the workspace's `people`). */
    ownerUserId: zId.nullable().optional(),
    dueDate: zDate.nullable().optional(),
  })
  .superRefine(oneOfTopicOrDeliverable);
export type CreateActionBody = z.input<typeof ZCreateActionBody>;
export const ZUpdateActionBody = z
  .object({
    text: zRequiredText(2000),
    owner: zText(300).nullable(),
    ownerUserId: zId.nullable(),
    dueDate: zDate.nullable(),
    done: z.boolean(),
  })
  .partial()
  .extend({
    /** The version you edited; a different current version answers 409 with the current action. */
    version: zCount,
  })
  .refine((b) => Object.keys(b).length > 1, 'send at least one field to change');
export type UpdateActionBody = z.input<typeof ZUpdateActionBody>;
export const ZActionList = z.object({ actions: z.array(ZAction) });

/** Optionally to an address: someone with an account there finds it on their dashboard and is notified. */
export const ZCreateCollaborationInvitationBody = z.object({ email: zEmail.optional() }).nullish();
export const ZCreatedCollaborationInvitation = z.object({
  link: z.string(),
  expiresAt: z.string(),
  /** The address it was sent to, if any. */
  sentTo: z.string().nullable(),
});
/** An open partner invitation sent to the signed-in person's address. */
export const ZReceivedInvitation = z.object({
  id: zId,
  collaborationName: z.string(),
  invitedBy: z.string(),
  invitedByPerson: z.string().nullable(),
  expiresAt: z.string(),
});
export type ReceivedInvitation = z.infer<typeof ZReceivedInvitation>;
export const ZReceivedInvitations = z.object({ invitations: z.array(ZReceivedInvitation) });
export const ZCollaborationInvitationPreview = z.object({
  collaborationName: z.string(),
  invitedBy: z.string(),
  /** The person who made the link, when their account still exists. */
  invitedByPerson: z.string().nullable(),
  expiresAt: z.string(),
  status: z.enum(['open', 'accepted', 'declined', 'expired', 'revoked']),
});
export type CollaborationInvitationPreview = z.infer<typeof ZCollaborationInvitationPreview>;
export const ZAcceptedCollaboration = z.object({ collaborationId: zId });
