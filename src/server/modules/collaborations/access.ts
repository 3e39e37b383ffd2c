import type { Tx } from '../../db/client.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type {
  CollaborationRow,
  CollaborationsRepository,
  FormerParticipantRow,
  ParticipantRow,
} from './repository.ts';

export type AccessibleCollaboration = Pick<
  CollaborationRow,
  | 'id'
  | 'name'
  | 'purpose'
  | 'startDate'
  | 'ambition'
  | 'createdByOrganisationId'
  | 'createdAt'
  | 'archivedAt'
  | 'nextConversationAt'
  | 'nextConversationPlace'
  | 'nextConversationLink'
  | 'roundCadence'
>;

/**
 * The one question other modules ask about a collaboration: may the acting organisation read or change it?
 * Anyone not taking part gets 404, so a collaboration's existence is not revealed; an archived one is read-only.
 */
export class CollaborationAccess {
  constructor(private readonly repo: CollaborationsRepository) {}

  async read(actor: OrganisationActor, collaborationId: string): Promise<AccessibleCollaboration> {
    const row = await this.repo.findForParticipant(collaborationId, actor.organisation.id);
    if (!row) throw notFound('Collaboration not found.');
    return row;
  }

  async write(actor: OrganisationActor, collaborationId: string): Promise<AccessibleCollaboration> {
    const row = await this.read(actor, collaborationId);
    if (row.archivedAt)
      throw conflict('archived', 'This collaboration has been archived and can only be read.');
    return row;
  }

  /** Active partners of the given collaborations, with their organisation's name and type. */
  participants(collaborationIds: string[], tx?: Tx): Promise<ParticipantRow[]> {
    return this.repo.participants(collaborationIds, tx);
  }

  /** The members of the active partner organisations, by name: who can own an action. */
  people(collaborationIds: string[]) {
    return this.repo.people(collaborationIds);
  }

  /** Partners that left, to label the answers they submitted before leaving. */
  formerParticipants(collaborationIds: string[]): Promise<FormerParticipantRow[]> {
    return this.repo.formerParticipants(collaborationIds);
  }
}
