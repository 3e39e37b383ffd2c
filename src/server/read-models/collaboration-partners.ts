// Reads that join collaborations to the organisations taking part: the organisations module owns the names
// and types, the collaborations module the participation, so neither repository may write this join.
import { type SQL, sql } from 'drizzle-orm';
import type { OrganisationType } from '../../domain/vocabulary.ts';
import { type Db, queryRows, type Tx } from '../db/client.ts';

export type ParticipantRow = {
  collaborationId: string;
  organisationId: string;
  name: string;
  type: OrganisationType;
  joinedAt: Date;
  /** The organisation is to be deleted then (its grace period); null when it is staying. */
  leavingOn: Date | null;
};

export function activeParticipantsSql(collaborationIds: string[]): SQL {
  return sql`select p.collaboration_id as "collaborationId", o.id as "organisationId", o.name, o.type, p.joined_at as "joinedAt",
                 o.deletion_due_at as "leavingOn"
            from collaboration_participants p join organisations o on o.id = p.organisation_id
           where p.collaboration_id in (${sql.join(
             collaborationIds.map((id) => sql`${id}`),
             sql`, `,
           )}) and p.left_at is null
           order by p.joined_at, o.name`;
}

/** Active participants with their organisation's name and type, in the order they joined. */
export async function activeParticipants(db: Db | Tx, collaborationIds: string[]): Promise<ParticipantRow[]> {
  if (!collaborationIds.length) return [];
  return queryRows(db, activeParticipantsSql(collaborationIds));
}

export type FormerParticipantRow = ParticipantRow & { leftAt: Date };

export function formerParticipantsSql(collaborationIds: string[]): SQL {
  return sql`select p.collaboration_id as "collaborationId", o.id as "organisationId", o.name, o.type, p.joined_at as "joinedAt",
                 o.deletion_due_at as "leavingOn", p.left_at as "leftAt"
            from collaboration_participants p join organisations o on o.id = p.organisation_id
           where p.collaboration_id in (${sql.join(
             collaborationIds.map((id) => sql`${id}`),
             sql`, `,
           )}) and p.left_at is not null
             and exists (
               select 1 from round_participation rp join rounds r on r.id = rp.round_id
                where r.collaboration_id = p.collaboration_id and rp.organisation_id = p.organisation_id
                  and ((r.revealed_at is not null and (rp.submitted_at is not null or rp.early_reveal_at is not null))
                    or (r.assessment_revealed_at is not null
                        and (rp.assessment_submitted_at is not null or rp.assessment_early_reveal_at is not null))))
           order by p.left_at, o.name`;
}

/**
 * Partners that left after submitting in a revealed round, with their name: those answers stay and are labelled
 * with who gave them. A partner that left without submitting leaves nothing to label.
 */
export async function formerParticipants(
  db: Db | Tx,
  collaborationIds: string[],
): Promise<FormerParticipantRow[]> {
  if (!collaborationIds.length) return [];
  return queryRows(db, formerParticipantsSql(collaborationIds));
}

export type PartnerInvitationRow = {
  id: string;
  collaborationId: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  revokedAt: Date | null;
  collaborationName: string;
  archivedAt: Date | null;
  invitedBy: string;
  /** The person who made the link; null once their account is gone. */
  invitedByPerson: string | null;
  /** The address the invitation was sent to, when it was sent to one. */
  email: string | null;
};

/** Partner invitations with what their preview shows, by the hash of their link or by the address invited. */
export function partnerInvitationSql(where: { tokenHash: string } | { email: string } | { id: string }): SQL {
  const condition =
    'tokenHash' in where
      ? sql`i.token_hash = ${where.tokenHash}`
      : 'email' in where
        ? sql`i.email = ${where.email}`
        : sql`i.id = ${where.id}`;
  return sql`select i.id, i.collaboration_id as "collaborationId", i.expires_at as "expiresAt", i.accepted_at as "acceptedAt",
                 i.declined_at as "declinedAt", i.revoked_at as "revokedAt", c.name as "collaborationName",
                 c.archived_at as "archivedAt", o.name as "invitedBy", u.name as "invitedByPerson", i.email
            from collaboration_invitations i
            join collaborations c on c.id = i.collaboration_id
            join organisations o on o.id = i.invited_by_organisation_id
            left join users u on u.id = i.created_by
           where ${condition}
           order by i.created_at desc`;
}

/** A partner invitation with what its preview shows: the collaboration, and who of which organisation invites. */
export async function partnerInvitationByHash(
  db: Db,
  tokenHash: string,
): Promise<PartnerInvitationRow | undefined> {
  const [row] = await queryRows<PartnerInvitationRow>(db, partnerInvitationSql({ tokenHash }));
  return row;
}

export function partnerInvitationsWhere(db: Db, where: { email: string } | { id: string }) {
  return queryRows<PartnerInvitationRow>(db, partnerInvitationSql(where));
}

export type CollaborationPersonRow = {
  collaborationId: string;
  userId: string;
  name: string;
  organisationId: string;
};

/** The members of the active partner organisations, by name only: who can own an action. */
export function collaborationPeopleSql(collaborationIds: string[]): SQL {
  return sql`select p.collaboration_id as "collaborationId", u.id as "userId", u.name, m.organisation_id as "organisationId"
            from collaboration_participants p
            join memberships m on m.organisation_id = p.organisation_id
            join users u on u.id = m.user_id
           where p.collaboration_id in (${sql.join(
             collaborationIds.map((id) => sql`${id}`),
             sql`, `,
           )}) and p.left_at is null
           order by u.name, u.id`;
}

export async function collaborationPeople(
  db: Db | Tx,
  collaborationIds: string[],
): Promise<CollaborationPersonRow[]> {
  if (!collaborationIds.length) return [];
  return queryRows(db, collaborationPeopleSql(collaborationIds));
}
