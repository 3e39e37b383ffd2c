import type { FastifyBaseLogger } from 'fastify';
import type {
  CreatedInvitation,
  CreateOrganisationBody,
  Invitation,
  InvitationPreview,
  Member,
  MemberRole,
  Organisation,
  UpdateOrganisationBody,
} from '../../../contracts/organisations.ts';
import type { AuthCache } from '../../http/auth-cache.ts';
import type { AuthContext, OrganisationActor } from '../../http/auth-context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { keyedHash, newSecret } from '../../http/secrets.ts';
import type { Mailer } from '../../mail.ts';
import type { AuditLog } from '../audit/service.ts';
import type { InvitationRow, OrganisationRow, OrganisationsRepository } from './repository.ts';

export const INVITATION_DAYS = 7;
/** How long an organisation's deletion can be cancelled. */
export const DELETION_GRACE_DAYS = 30;

export class OrganisationsService {
  constructor(
    private readonly repo: OrganisationsRepository,
    private readonly deps: {
      secret: string;
      publicUrl: string;
      mailer: Mailer;
      log: FastifyBaseLogger;
      cache: AuthCache;
      audit: AuditLog;
    },
  ) {}

  listMine(userId: string) {
    return this.repo.listMembershipsOfUser(userId);
  }

  async create(auth: AuthContext, body: CreateOrganisationBody): Promise<Organisation> {
    const row = await this.repo.create(body, auth.userId);
    this.deps.cache.forgetUser(auth.userId);
    return toOrganisation(row, 'admin');
  }

  async get(actor: OrganisationActor): Promise<Organisation> {
    const row = await this.repo.findById(actor.organisation.id);
    if (!row) throw notFound('Organisation not found.');
    return toOrganisation(row, actor.organisation.role);
  }

  async update(actor: OrganisationActor, body: UpdateOrganisationBody): Promise<Organisation> {
    const row = await this.repo.update(actor.organisation.id, body as Partial<OrganisationRow>);
    if (!row) throw notFound('Organisation not found.');
    return toOrganisation(row, actor.organisation.role);
  }

  /**
   * Asks to delete the organisation (admins; the route checks): it is erased after a grace period in which
   * any admin can cancel, and partners see it as leaving.
   */
  async requestDeletion(actor: OrganisationActor): Promise<Organisation> {
    const current = await this.repo.findById(actor.organisation.id);
    if (current?.deletionDueAt) return toOrganisation(current, actor.organisation.role);
    const row = await this.repo.setDeletionDue(
      actor.organisation.id,
      new Date(Date.now() + DELETION_GRACE_DAYS * 86_400_000),
    );
    if (!row) throw notFound('Organisation not found.');
    await this.deps.audit.record({
      kind: 'organisation-deletion-requested',
      userId: actor.userId,
      organisationId: actor.organisation.id,
      detail: { due: row.deletionDueAt!.toISOString() },
    });
    return toOrganisation(row, actor.organisation.role);
  }

  async cancelDeletion(actor: OrganisationActor): Promise<Organisation> {
    const before = await this.repo.findById(actor.organisation.id);
    const row = await this.repo.setDeletionDue(actor.organisation.id, null);
    if (!row) throw notFound('Organisation not found.');
    if (before?.deletionDueAt)
      await this.deps.audit.record({
        kind: 'organisation-deletion-cancelled',
        userId: actor.userId,
        organisationId: actor.organisation.id,
      });
    return toOrganisation(row, actor.organisation.role);
  }

  /** Organisations whose grace period has ended, for the erasure job. */
  dueForErasure(now: Date): Promise<string[]> {
    return this.repo.dueForErasure(now);
  }

  /** The people in an organisation, so their cached sessions can be forgotten when it goes. */
  async memberIds(organisationId: string): Promise<string[]> {
    return (await this.repo.listMembers(organisationId)).map((m) => m.userId);
  }

  /** Forgets the users on every app server, and waits until the other servers have. */
  async forgetUsers(userIds: string[]): Promise<void> {
    for (const id of userIds) this.deps.cache.forgetUser(id);
    await this.deps.cache.settled();
  }

  /** Checks that the user belongs to the organisation they switch to; anything else is not found. */
  async assertMember(userId: string, organisationId: string): Promise<void> {
    if (!(await this.repo.findMembership(organisationId, userId))) throw notFound('Organisation not found.');
  }

  async members(actor: OrganisationActor): Promise<Member[]> {
    const rows = await this.repo.listMembers(actor.organisation.id);
    return rows.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
  }

  async removeMember(actor: OrganisationActor, userId: string): Promise<void> {
    await this.repo.withLockedMemberships(actor.organisation.id, async (tx) => {
      const role = await tx.role(userId);
      if (!role) throw notFound('This person is not a member.');
      if (role === 'admin' && (await tx.adminCount()) <= 1) throw lastAdmin();
      await tx.remove(userId);
    });
    this.deps.cache.forgetUser(userId);
    await this.deps.audit.record({
      kind: 'member-removed',
      userId: actor.userId,
      subjectUserId: userId,
      organisationId: actor.organisation.id,
      detail: actor.userId === userId ? { left: 'themselves' } : undefined,
    });
  }

  async changeRole(actor: OrganisationActor, userId: string, newRole: MemberRole): Promise<void> {
    await this.repo.withLockedMemberships(actor.organisation.id, async (tx) => {
      const role = await tx.role(userId);
      if (!role) throw notFound('This person is not a member.');
      if (role === 'admin' && newRole !== 'admin' && (await tx.adminCount()) <= 1) throw lastAdmin();
      await tx.setRole(userId, newRole);
    });
    this.deps.cache.forgetUser(userId);
    await this.deps.audit.record({
      kind: 'member-role-changed',
      userId: actor.userId,
      subjectUserId: userId,
      organisationId: actor.organisation.id,
      detail: { role: newRole },
    });
  }

  async leave(actor: OrganisationActor): Promise<void> {
    await this.removeMember(actor, actor.userId);
  }

  async createInvitation(
    actor: OrganisationActor,
    body: { email?: string | null; role: MemberRole },
  ): Promise<CreatedInvitation> {
    const secret = newSecret();
    const row = await this.repo.createInvitation({
      organisationId: actor.organisation.id,
      email: body.email ?? null,
      role: body.role,
      tokenHash: keyedHash(this.deps.secret, secret),
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    const link = `${this.deps.publicUrl}/invitations/${secret}`;
    let emailed = false;
    if (body.email && this.deps.mailer) {
      const org = await this.repo.findById(actor.organisation.id);
      await this.deps.mailer.send({
        to: body.email,
        subject: `Uitnodiging voor ${org?.name} op Impact Wheel / Invitation to join ${org?.name}`,
        text: `${actor.name} nodigt je uit voor ${org?.name} op Impact Wheel.\n${actor.name} invites you to join ${org?.name} on Impact Wheel.\n\n${link}\n\nGeldig tot / valid until ${row.expiresAt.toISOString().slice(0, 10)}.`,
      });
      emailed = true;
    }
    // The link itself is a secret: the log records that it was made, the admin's screen shows it.
    this.deps.log.info(
      {
        event: 'invitation.created',
        invitationId: row.id,
        organisationId: row.organisationId,
        emailed,
        expiresAt: row.expiresAt,
      },
      emailed ? 'invitation created and e-mailed' : 'invitation created; link shown to the admin who made it',
    );
    return { invitation: toInvitation(row), link, emailed };
  }

  async invitations(actor: OrganisationActor): Promise<Invitation[]> {
    return (await this.repo.listInvitations(actor.organisation.id)).map(toInvitation);
  }

  async revokeInvitation(actor: OrganisationActor, id: string): Promise<void> {
    if (!(await this.repo.revokeInvitation(actor.organisation.id, id)))
      throw notFound('No open invitation with this id.');
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    const found = await this.repo.findInvitationByHash(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
    return {
      organisationName: found.organisationName,
      role: found.invitation.role,
      expiresAt: found.invitation.expiresAt.toISOString(),
      status: statusOf(found.invitation),
    };
  }

  /** Accepts the invitation for the signed-in user and returns the organisation they joined. */
  async acceptInvitation(auth: AuthContext, token: string): Promise<string> {
    const found = await this.repo.findInvitationByHash(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
    const { invitation } = found;
    const existing = await this.repo.findMembership(invitation.organisationId, auth.userId);
    if (existing) return invitation.organisationId;
    const status = statusOf(invitation);
    if (status !== 'open') {
      throw conflict(
        `invitation_${status}`,
        `This invitation has ${status === 'expired' ? 'expired' : `been ${status}`}. Ask for a new one.`,
      );
    }
    // An invitation made for one address is that person's: anyone else who has the link cannot take the seat.
    if (invitation.email && invitation.email.toLowerCase() !== auth.email.toLowerCase()) {
      // The address is not named: whoever else holds the link need not learn whom it was for.
      throw new AppError(
        403,
        'invitation_other_address',
        'This invitation is for another e-mail address. Sign in with that address, or ask for an invitation for yours.',
      );
    }
    if (!(await this.repo.acceptInvitation(invitation, auth.userId))) {
      throw conflict(
        'invitation_used',
        'This invitation has just been used or withdrawn. Ask for a new one.',
      );
    }
    this.deps.log.info(
      {
        event: 'invitation.accepted',
        invitationId: invitation.id,
        organisationId: invitation.organisationId,
        userId: auth.userId,
      },
      'invitation accepted',
    );
    return invitation.organisationId;
  }
}

function lastAdmin() {
  return conflict('last_admin', 'An organisation needs at least one admin. Make someone else admin first.');
}

function statusOf(row: InvitationRow): Invitation['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'open';
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: statusOf(row),
  };
}

export function toOrganisation(row: OrganisationRow, myRole: MemberRole): Organisation {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    impactOrientation: row.impactOrientation,
    sector: row.sector,
    employees: row.employees,
    yearFounded: row.yearFounded,
    place: row.place,
    website: row.website,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletionDueAt: row.deletionDueAt?.toISOString() ?? null,
    myRole,
  };
}
