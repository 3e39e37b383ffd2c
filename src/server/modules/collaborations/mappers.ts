import type { Collaboration, FormerParticipant, Participant } from '../../../contracts/collaborations.ts';
import { nextRoundDue } from '../../../domain/rhythm/cadence.ts';
import type { AccessibleCollaboration } from './access.ts';
import type { FormerParticipantRow, ParticipantRow } from './repository.ts';

/** The collaboration's own fields; its rhythm counts from when the current round was revealed. */
export function toCollaboration(row: AccessibleCollaboration, roundRevealedAt: string | null): Collaboration {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    startDate: row.startDate,
    ambition: row.ambition,
    createdByOrganisationId: row.createdByOrganisationId,
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    rhythm: {
      nextConversation: row.nextConversationAt
        ? {
            at: row.nextConversationAt.toISOString(),
            place: row.nextConversationPlace,
            link: row.nextConversationLink,
          }
        : null,
      cadence: row.roundCadence,
      nextRoundDue: nextRoundDue(row.roundCadence, { revealedAt: roundRevealedAt }),
    },
  };
}

export function toParticipant(row: ParticipantRow): Participant {
  return {
    organisationId: row.organisationId,
    name: row.name,
    type: row.type,
    joinedAt: new Date(row.joinedAt).toISOString(),
    leavingOn: row.leavingOn ? new Date(row.leavingOn).toISOString() : null,
  };
}

export function toFormerParticipant(row: FormerParticipantRow): FormerParticipant {
  return { ...toParticipant(row), leftAt: new Date(row.leftAt).toISOString() };
}
