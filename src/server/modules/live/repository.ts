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

  async enter(collaborationId: string, userId: string, organisationId: string, now: Date): Promise<string> {
    const [row] = await this.db
      .insert(presence)
      .values({ collaborationId, userId, organisationId, seenAt: now })
      .returning({ id: presence.id });
    return row!.id;
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db.update(presence).set({ seenAt: now }).where(eq(presence.id, id));
  }

  async leave(id: string): Promise<void> {
    await this.db.delete(presence).where(eq(presence.id, id));
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
