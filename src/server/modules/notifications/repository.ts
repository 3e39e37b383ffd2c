import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NotificationChannel, NotificationKind } from '../../../domain/vocabulary.ts';
import { type Db, queryRows } from '../../db/client.ts';
import {
  actions,
  collaborationParticipants,
  collaborations,
  memberships,
  notificationPreferences,
  notifications,
  organisations,
  programmes,
  rounds,
  users,
} from '../../db/schema/index.ts';

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  collaborationId: string | null;
  programmeId?: string | null;
  actionId?: string | null;
  actorOrganisationId?: string | null;
  key?: string | null;
};
export type Recipient = { userId: string; organisationId: string; collaborationId: string };

/**
 * Whether the person still takes part in the notice's collaboration: a member of an organisation that is still
 * a partner. Checked when notices are read and before an e-mail goes out, so a leaver is told nothing more.
 * Only notices from the current stretch count: after leaving and rejoining (the organisation, or the person's
 * membership), what was said before comes not back.
 */
const stillInvolved = sql`(${notifications.kind} = 'invited' or ${notifications.collaborationId} is null or exists (
  select 1 from ${collaborationParticipants} p
  join ${memberships} m on m.organisation_id = p.organisation_id
  where p.collaboration_id = ${notifications.collaborationId} and p.left_at is null
    and m.user_id = ${notifications.userId}
    and p.joined_at <= ${notifications.createdAt} and m.created_at <= ${notifications.createdAt}))`;

/** What a notice's sentence and link need, in the list and in its e-mail alike. */
const noticeColumns = {
  id: notifications.id,
  kind: notifications.kind,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  collaborationId: notifications.collaborationId,
  collaborationName: collaborations.name,
  actorName: organisations.name,
  actionId: notifications.actionId,
  actionText: actions.text,
  actionDueDate: actions.dueDate,
  conversationAt: collaborations.nextConversationAt,
  programmeId: notifications.programmeId,
  programmeName: programmes.name,
};
/** A notice's action, only when it belongs to the notice's own collaboration. */
const ownAction = and(
  eq(actions.id, notifications.actionId),
  eq(actions.collaborationId, notifications.collaborationId),
);

/** Notices, preferences, and who is to be told. */
export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  /** The members of the collaborations' current partners, organisation by organisation. */
  async recipients(collaborationIds: string[]): Promise<Recipient[]> {
    if (!collaborationIds.length) return [];
    return this.db
      .select({
        userId: memberships.userId,
        organisationId: memberships.organisationId,
        collaborationId: collaborationParticipants.collaborationId,
      })
      .from(collaborationParticipants)
      .innerJoin(memberships, eq(memberships.organisationId, collaborationParticipants.organisationId))
      .innerJoin(collaborations, eq(collaborations.id, collaborationParticipants.collaborationId))
      .where(
        and(
          inArray(collaborationParticipants.collaborationId, collaborationIds),
          isNull(collaborationParticipants.leftAt),
          isNull(collaborations.archivedAt),
        ),
      );
  }

  /** Adds notices; a keyed notice that exists already is not added again. Returns the ones added. */
  async insert(rows: NewNotification[]): Promise<{ id: string; userId: string; kind: NotificationKind }[]> {
    if (!rows.length) return [];
    return this.db
      .insert(notifications)
      .values(rows)
      .onConflictDoNothing({ target: notifications.key })
      .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  }

  async action(actionId: string) {
    const [row] = await this.db
      .select({
        id: actions.id,
        collaborationId: actions.collaborationId,
        ownerUserId: actions.ownerUserId,
        createdBy: actions.createdBy,
      })
      .from(actions)
      .where(eq(actions.id, actionId));
    return row;
  }

  /** Open actions with a due date up to `until`, in collaborations that run. */
  openActionsDueBy(until: string) {
    return this.db
      .select({
        id: actions.id,
        collaborationId: actions.collaborationId,
        dueDate: actions.dueDate,
        ownerUserId: actions.ownerUserId,
        createdBy: actions.createdBy,
      })
      .from(actions)
      .innerJoin(collaborations, eq(collaborations.id, actions.collaborationId))
      .where(
        and(
          isNull(actions.doneAt),
          isNull(collaborations.archivedAt),
          sql`${actions.dueDate} is not null and ${actions.dueDate} <= ${until}`,
        ),
      );
  }

  /** Running collaborations with a rhythm: the next conversation, the cadence and the current round's reveal. */
  rhythms() {
    return queryRows<{
      id: string;
      next_conversation_at: string | Date | null;
      round_cadence: 'off' | 'monthly' | 'two-monthly' | 'quarterly' | 'half-yearly';
      revealed_at: string | Date | null;
    }>(
      this.db,
      sql`select c.id, c.next_conversation_at, c.round_cadence,
            (select r.revealed_at from rounds r where r.collaboration_id = c.id order by r.number desc limit 1)
              as revealed_at
          from collaborations c
          where c.archived_at is null and (c.next_conversation_at is not null or c.round_cadence <> 'off')`,
    );
  }

  /** The collaboration's current round, to tell of each organisation's submit once per round. */
  async currentRoundId(collaborationId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ id: rounds.id })
      .from(rounds)
      .where(eq(rounds.collaborationId, collaborationId))
      .orderBy(desc(rounds.number))
      .limit(1);
    return row?.id ?? null;
  }

  /** Of these people, those with an unread notice of this kind about the collaboration from that organisation. */
  async withUnread(
    userIds: string[],
    notice: { kind: NotificationKind; collaborationId: string; actorOrganisationId: string | null },
  ): Promise<Set<string>> {
    if (!userIds.length || !notice.actorOrganisationId) return new Set();
    const rows = await this.db
      .selectDistinct({ userId: notifications.userId })
      .from(notifications)
      .where(
        and(
          inArray(notifications.userId, userIds),
          eq(notifications.kind, notice.kind),
          eq(notifications.collaborationId, notice.collaborationId),
          eq(notifications.actorOrganisationId, notice.actorOrganisationId),
          isNull(notifications.readAt),
        ),
      );
    return new Set(rows.map((r) => r.userId));
  }

  async preferences(userId: string): Promise<Map<NotificationKind, NotificationChannel>> {
    const rows = await this.db
      .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return new Map(rows.map((r) => [r.kind, r.channel]));
  }

  async preferencesOf(userIds: string[]) {
    if (!userIds.length) return [];
    return this.db
      .select()
      .from(notificationPreferences)
      .where(inArray(notificationPreferences.userId, userIds));
  }

  async setPreferences(userId: string, values: { kind: NotificationKind; channel: NotificationChannel }[]) {
    if (!values.length) return;
    await this.db
      .insert(notificationPreferences)
      .values(values.map((v) => ({ userId, ...v })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { channel: sql`excluded.channel` },
      });
  }

  /** A person's notices they may still see, newest first, with what the sentence needs. */
  list(userId: string, limit: number) {
    return this.db
      .select(noticeColumns)
      .from(notifications)
      .leftJoin(collaborations, eq(collaborations.id, notifications.collaborationId))
      .leftJoin(organisations, eq(organisations.id, notifications.actorOrganisationId))
      .leftJoin(programmes, eq(programmes.id, notifications.programmeId))
      .leftJoin(actions, ownAction)
      .where(and(eq(notifications.userId, userId), stillInvolved))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
  }

  /** Every notice of a person, also those they can no longer see (their data export). */
  allOf(userId: string) {
    return this.db
      .select({
        createdAt: notifications.createdAt,
        kind: notifications.kind,
        readAt: notifications.readAt,
        collaborationId: notifications.collaborationId,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt));
  }

  async unread(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), stillInvolved));
    return Number(row?.count ?? 0);
  }

  async markRead(userId: string, id: string | null, now: Date): Promise<number> {
    const rows = await this.db
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          ...(id ? [eq(notifications.id, id)] : []),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length;
  }

  async exists(userId: string, id: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.id, id), stillInvolved));
    return Boolean(row);
  }

  /** One notice with its reader's address and language, if the reader may still see it (for its e-mail). */
  async forEmail(id: string) {
    const [row] = await this.db
      .select({
        ...noticeColumns,
        userId: notifications.userId,
        email: users.email,
        name: users.name,
        locale: users.locale,
        actionDoneAt: actions.doneAt,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(collaborations, eq(collaborations.id, notifications.collaborationId))
      .leftJoin(organisations, eq(organisations.id, notifications.actorOrganisationId))
      .leftJoin(programmes, eq(programmes.id, notifications.programmeId))
      .leftJoin(actions, ownAction)
      .where(and(eq(notifications.id, id), stillInvolved));
    return row;
  }

  async userExists(userId: string): Promise<boolean> {
    const [row] = await this.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    return Boolean(row);
  }

  async userByEmail(email: string) {
    const [row] = await this.db
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(eq(users.email, email.toLowerCase()));
    return row;
  }

  async organisationName(id: string): Promise<string> {
    const [row] = await this.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, id));
    return row?.name ?? '';
  }

  async locale(userId: string): Promise<'nl' | 'en'> {
    const [row] = await this.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
    return row?.locale ?? 'nl';
  }

  async setLocale(userId: string, locale: 'nl' | 'en'): Promise<void> {
    await this.db.update(users).set({ locale }).where(eq(users.id, userId));
  }
}
