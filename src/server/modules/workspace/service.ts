import type { CollaborationSummary, Workspace } from '../../../contracts/collaborations.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import type { CollaborationAccess } from '../collaborations/access.ts';
import { toCollaboration, toFormerParticipant, toParticipant } from '../collaborations/mappers.ts';
import type { CollaborationsService } from '../collaborations/service.ts';
import type { FollowUpService } from '../follow-up/service.ts';
import type { WheelService } from '../wheel/service.ts';

/**
 * The collaboration as its pages show it, composed from the modules that own each part; it owns no tables,
 * so adding a tab means adding a part here, not a query.
 */
export class WorkspaceService {
  constructor(
    private readonly parts: {
      access: CollaborationAccess;
      collaborations: CollaborationsService;
      wheel: WheelService;
      followUp: FollowUpService;
    },
  ) {}

  /** Everything the wheel page needs, in one answer; other partners' answers only from revealed rounds. */
  async compose(actor: OrganisationActor, collaborationId: string): Promise<Workspace> {
    const { access, wheel, followUp } = this.parts;
    const collaboration = await access.read(actor, collaborationId);
    const [participants, former, people, agreements, actions, rounds] = await Promise.all([
      access.participants([collaborationId]),
      access.formerParticipants([collaborationId]),
      access.people([collaborationId]),
      followUp.agreementsOf(collaborationId),
      followUp.actionsOf([collaborationId]),
      wheel.workspaceRounds(actor.organisation.id, collaborationId),
    ]);
    const wheelPart = wheel.workspacePart(
      rounds,
      participants.map((p) => p.organisationId),
      actions,
    );
    return {
      collaboration: toCollaboration(collaboration, wheelPart.currentRound.revealedAt),
      us: {
        organisationId: actor.organisation.id,
        admin: actor.organisation.role === 'admin',
        creator: collaboration.createdByOrganisationId === actor.organisation.id,
      },
      participants: participants.map(toParticipant),
      formerParticipants: former.map(toFormerParticipant),
      ...wheelPart,
      agreements,
      actions: actions.map(({ collaborationId: _, ...action }) => action),
      people: people.map(({ collaborationId: _, ...person }) => person),
    };
  }

  /** The dashboard cards of the acting organisation's collaborations. */
  async list(actor: OrganisationActor): Promise<CollaborationSummary[]> {
    const { access, collaborations, wheel, followUp } = this.parts;
    const rows = await collaborations.list(actor);
    const ids = rows.map((r) => r.id);
    const [participants, summaries, actions] = await Promise.all([
      access.participants(ids),
      wheel.summaries(actor.organisation.id, ids),
      followUp.actionsOf(ids),
    ]);
    return rows.map((c) => {
      const { roundRevealedAt, ...summary } = summaries.get(c.id)!;
      return {
        ...toCollaboration(c, roundRevealedAt),
        partners: participants.filter((p) => p.collaborationId === c.id).map(toParticipant),
        ...summary,
        openActions: actions.filter((a) => a.collaborationId === c.id && !a.done).length,
        overdueActions: actions.filter((a) => a.collaborationId === c.id && a.overdue).length,
      };
    });
  }
}
