import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborationParticipants,
  memberships,
  organisations,
  presence,
  users,
} from '../../db/schema/index.ts';

/** Open streams as presence rows: who is looking at a collaboration now, on any app server. */
export class PresenceRepository {
  constructor(private readonly db: Db) {}

  /**
   * Records an open stream; `first` when the person had no other stream on the collaboration open, so only
   * then do the others need telling (a person with ten tabs open is one person arriving, not ten).
   */
  async enter(
    collaborationId: string,
    userId: string,
    organisationId: string,
    now: Date,
    since: Date,
  ): Promise<{ id: string; first: boolean }> {
    const already = await this.openStream(collaborationId, userId, since);
    const [row] = await this.db
      .insert(presence)
      .values({ collaborationId, userId, organisationId, seenAt: now })
      .returning({ id: presence.id });
    return { id: row!.id, first: !already };
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db.update(presence).set({ seenAt: now }).where(eq(presence.id, id));
  }

  /** Removes a closed stream; true when it was the person's last one on the collaboration. */
  async leave(id: string, since: Date): Promise<boolean> {
    const [row] = await this.db
      .delete(presence)
      .where(eq(presence.id, id))
      .returning({ collaborationId: presence.collaborationId, userId: presence.userId });
    if (!row) return false;
    return !(await this.openStream(row.collaborationId, row.userId, since));
  }

  private async openStream(collaborationId: string, userId: string, since: Date): Promise<boolean> {
    const [row] = await this.db
      .select({ id: presence.id })
      .from(presence)
      .where(
        and(
          eq(presence.collaborationId, collaborationId),
          eq(presence.userId, userId),
          gt(presence.seenAt, since),
        ),
      )
      .limit(1);
    return Boolean(row);
  }

  /**
   * The people with the collaboration open since `since`, by name, while they are still members of an
   * organisation that still takes part: someone who left disappears at once, whatever their stream does.
   */
  async present(collaborationId: string, since: Date) {
    return this.db
      .selectDistinct({
        userId: presence.userId,
        name: users.name,
        organisationId: presence.organisationId,
        organisation: organisations.name,
      })
      .from(presence)
      .innerJoin(users, eq(users.id, presence.userId))
      .innerJoin(organisations, eq(organisations.id, presence.organisationId))
      .innerJoin(
        memberships,
        and(eq(memberships.userId, presence.userId), eq(memberships.organisationId, presence.organisationId)),
      )
      .innerJoin(
        collaborationParticipants,
        and(
          eq(collaborationParticipants.collaborationId, presence.collaborationId),
          eq(collaborationParticipants.organisationId, presence.organisationId),
          isNull(collaborationParticipants.leftAt),
        ),
      )
      .where(and(eq(presence.collaborationId, collaborationId), gt(presence.seenAt, since)));
  }

  /** Rows of streams whose server went away without ending them. */
  async purge(before: Date): Promise<void> {
    await this.db.delete(presence).where(lt(presence.seenAt, before));
  }
}
