import type { FastifyBaseLogger } from 'fastify';
import type {
  CollaborationInvitationPreview,
  CreateCollaborationBody,
  ReceivedInvitation,
  UpdateCollaborationBody,
  UpdateRhythmBody,
} from '../../../contracts/collaborations.ts';
import { translators } from '../../../domain/i18n/catalogues.ts';
import { calendarFile } from '../../../domain/rhythm/ics.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { keyedHash, newSecret } from '../../http/secrets.ts';
import type { AccessibleCollaboration, CollaborationAccess } from './access.ts';
import type { CollaborationLifecycle } from './lifecycle.ts';
import type { CollaborationsRepository, PartnerInvitationRow } from './repository.ts';

const INVITATION_DAYS = 14;

/** Starting, changing and leaving collaborations, and bringing partners in by invitation link. */
export class CollaborationsService {
  private readonly lifecycles: CollaborationLifecycle[] = [];

  constructor(
    private readonly repo: CollaborationsRepository,
    private readonly access: CollaborationAccess,
    private readonly deps: { secret: string; publicUrl: string; log: FastifyBaseLogger },
  ) {}

  /** Lets another module act inside the transactions that create a collaboration or take a partner out. */
  onLifecycle(lifecycle: CollaborationLifecycle): void {
    this.lifecycles.push(lifecycle);
  }

  async create(actor: OrganisationActor, body: CreateCollaborationBody): Promise<string> {
    return this.repo.transaction(async (tx) => {
      const row = await this.repo.create(tx, {
        name: body.name,
        purpose: body.purpose ?? null,
        startDate: body.startDate ?? null,
        ambition: body.ambition,
        createdByOrganisationId: actor.organisation.id,
      });
      for (const l of this.lifecycles) await l.created?.(tx, row.id);
      return row.id;
    });
  }

  /** The collaborations the acting organisation takes part in now, newest first. */
  list(actor: OrganisationActor): Promise<AccessibleCollaboration[]> {
    return this.repo.listForOrganisation(actor.organisation.id);
  }

  async update(actor: OrganisationActor, collaborationId: string, body: UpdateCollaborationBody) {
    const collaboration = await this.access.write(actor, collaborationId);
    await this.repo.update(collaboration.id, body);
  }

  /** Any partner may plan the next conversation and the cadence: both meet, so both keep the diary. */
  async setRhythm(actor: OrganisationActor, collaborationId: string, body: UpdateRhythmBody) {
    const collaboration = await this.access.write(actor, collaborationId);
    const at = body.nextConversationAt ? new Date(body.nextConversationAt) : null;
    await this.repo.update(collaboration.id, {
      nextConversationAt: at,
      nextConversationPlace: at ? (body.place ?? null) : null,
      nextConversationLink: at ? (body.link ?? null) : null,
      roundCadence: body.cadence,
    });
  }

  /** The next conversation as a calendar file, in the reader's language; 404 when none is planned. */
  async conversationCalendar(actor: OrganisationActor, collaborationId: string, lang: Locale) {
    const c = await this.access.read(actor, collaborationId);
    if (!c.nextConversationAt) throw notFound('No next conversation is planned for this collaboration.');
    const t = translators[lang];
    return calendarFile(
      {
        uid: `conversation-${c.id}@impactwheel`,
        summary: t('rhythm.calendarSummary', { name: c.name }),
        description: [t('rhythm.calendarDescription'), `${this.deps.publicUrl}/collaborations/${c.id}`].join(
          '\n',
        ),
        location: c.nextConversationPlace ?? c.nextConversationLink,
        url: c.nextConversationLink,
        start: c.nextConversationAt,
        minutes: 90,
      },
      new Date(),
    );
  }

  async archive(actor: OrganisationActor, collaborationId: string): Promise<void> {
    const collaboration = await this.access.write(actor, collaborationId);
    if (
      collaboration.createdByOrganisationId !== actor.organisation.id ||
      actor.organisation.role !== 'admin'
    ) {
      throw forbidden('Only an admin of the organisation that started the collaboration can archive it.');
    }
    await this.repo.update(collaboration.id, { archivedAt: new Date() });
  }

  async leave(actor: OrganisationActor, collaborationId: string): Promise<void> {
    const collaboration = await this.access.read(actor, collaborationId);
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin can take your organisation out of a collaboration.');
    await this.leaveAs(collaboration, actor.organisation.id);
  }

  /** Leaving and the lifecycle hooks (the round may reveal) as one transaction. */
  private async leaveAs(collaboration: { id: string; archivedAt: Date | null }, organisationId: string) {
    await this.repo.transaction(async (tx) => {
      await this.repo.leave(tx, collaboration.id, organisationId);
      for (const l of this.lifecycles)
        await l.partnerLeft?.(tx, { id: collaboration.id, archived: Boolean(collaboration.archivedAt) });
    });
  }

  /** Takes an organisation that is being erased out of every collaboration it is in, as a leave would. */
  async leaveAll(organisationId: string): Promise<void> {
    for (const collaboration of await this.repo.listForOrganisation(organisationId))
      await this.leaveAs(collaboration, organisationId);
  }

  async invite(actor: OrganisationActor, collaborationId: string, email?: string) {
    const collaboration = await this.access.write(actor, collaborationId);
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin can invite a partner organisation.');
    const secret = newSecret();
    const row = await this.repo.createInvitation({
      collaborationId,
      tokenHash: keyedHash(this.deps.secret, secret),
      invitedByOrganisationId: actor.organisation.id,
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      email: email ?? null,
    });
    this.deps.log.info(
      { event: 'collaboration.invitation.created', invitationId: row.id, collaborationId },
      'partner invitation created; link shown to the admin who made it',
    );
    return {
      link: `${this.deps.publicUrl}/partner-invitations/${secret}`,
      expiresAt: row.expiresAt.toISOString(),
      sentTo: email ?? null,
      invitationId: row.id,
      collaborationName: collaboration.name,
    };
  }

  /** The open invitations sent to the person's own address, for their dashboard. */
  async received(email: string): Promise<ReceivedInvitation[]> {
    const rows = await this.repo.invitationsTo(email.toLowerCase());
    return rows
      .filter((row) => invitationStatus(row) === 'open' && !row.archivedAt)
      .map((row) => ({
        id: row.id,
        collaborationName: row.collaborationName,
        invitedBy: row.invitedBy,
        invitedByPerson: row.invitedByPerson,
        expiresAt: new Date(row.expiresAt).toISOString(),
      }));
  }

  /** Accepts or declines an invitation sent to the person's own address, without its link. */
  async answerReceived(actor: OrganisationActor, id: string, accept: boolean): Promise<string> {
    const found = await this.repo.findInvitation(id);
    // Sent to someone else's address: as if it did not exist.
    if (!found || found.email !== actor.email.toLowerCase()) throw notFound('No such invitation for you.');
    return this.answer(actor, found, accept);
  }

  async previewInvitation(token: string): Promise<CollaborationInvitationPreview> {
    const found = await this.repo.findInvitationByHash(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
    return {
      collaborationName: found.collaborationName,
      invitedBy: found.invitedBy,
      invitedByPerson: found.invitedByPerson,
      expiresAt: new Date(found.expiresAt).toISOString(),
      status: invitationStatus(found),
    };
  }

  /** An admin accepts for the organisation they act for; it joins the collaboration. */
  async answerInvitation(actor: OrganisationActor, token: string, accept: boolean): Promise<string> {
    const found = await this.repo.findInvitationByHash(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
    return this.answer(actor, found, accept);
  }

  private async answer(
    actor: OrganisationActor,
    found: PartnerInvitationRow,
    accept: boolean,
  ): Promise<string> {
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin of your organisation can answer this invitation.');
    const status = invitationStatus(found);
    if (status !== 'open')
      throw conflict(`invitation_${status}`, `This invitation is ${status}. Ask for a new one.`);
    if (found.archivedAt) throw conflict('archived', 'This collaboration has been archived.');
    if (accept && (await this.repo.findForParticipant(found.collaborationId, actor.organisation.id))) {
      throw conflict('already_participant', 'Your organisation already takes part in this collaboration.');
    }
    await this.repo.transaction(async (tx) => {
      const closed = await this.repo.closeInvitation(
        tx,
        found.id,
        accept
          ? { acceptedAt: new Date(), acceptedByOrganisationId: actor.organisation.id }
          : { declinedAt: new Date() },
      );
      if (!closed)
        throw conflict('invitation_used', 'This invitation has just been used. Ask for a new one.');
      if (accept) await this.repo.addParticipant(tx, found.collaborationId, actor.organisation.id);
    });
    return found.collaborationId;
  }
}

function invitationStatus(row: PartnerInvitationRow) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.declinedAt) return 'declined' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (new Date(row.expiresAt).getTime() <= Date.now()) return 'expired' as const;
  return 'open' as const;
}
