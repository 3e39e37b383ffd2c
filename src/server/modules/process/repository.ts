import { and, asc, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CheckMoment, Decision, DeliverableContent } from '../../../domain/process/index.ts';
import type { RevealReason } from '../../../domain/vocabulary.ts';
import type { Db, Tx } from '../../db/client.ts';
import { holdOrganisation } from '../../db/organisation-hold.ts';
import {
  processCheckAnswers,
  processCheckParticipation,
  processCheckSets,
  processCycles,
  processDecisionVotes,
  processDeliverables,
  processDeliverableVersions,
  processMeasurements,
  processPilots,
  processSignOffs,
  rounds,
  users,
} from '../../db/schema/index.ts';

export type CycleRow = typeof processCycles.$inferSelect;
export type PilotRow = typeof processPilots.$inferSelect;
export type CheckAnswerRow = typeof processCheckAnswers.$inferSelect;
export type CheckParticipationRow = typeof processCheckParticipation.$inferSelect;

/** The partnering process's tables: cycles, deliverables and their versions, checks, pilots, decisions. */
export class ProcessRepository {
  constructor(private readonly db: Db) {}

  async cycles(collaborationId: string): Promise<(CycleRow & { roundNumber: number | null })[]> {
    const rows = await this.db
      .select({ cycle: processCycles, roundNumber: rounds.number })
      .from(processCycles)
      .leftJoin(rounds, eq(rounds.id, processCycles.roundId))
      .where(eq(processCycles.collaborationId, collaborationId))
      .orderBy(asc(processCycles.number));
    return rows.map((r) => ({ ...r.cycle, roundNumber: r.roundNumber }));
  }

  /** Every collaboration has a first cycle from the moment anyone opens its process; made once, idempotently. */
  async ensureFirstCycle(collaborationId: string, db: Db | Tx = this.db): Promise<void> {
    await db
      .insert(processCycles)
      .values({ collaborationId, number: 1 })
      .onConflictDoNothing({ target: [processCycles.collaborationId, processCycles.number] });
  }

  /**
   * The acting organisation's writes to the current cycle: one at a time (the cycle's row is locked, so a new
   * cycle cannot start half-way through a save), never after the organisation's erasure.
   */
  async write<T>(
    collaborationId: string,
    organisationId: string,
    work: (tx: Tx, cycle: CycleRow) => Promise<T>,
  ): Promise<T | 'erased'> {
    await this.ensureFirstCycle(collaborationId);
    return this.db.transaction(async (tx) => {
      if (!(await holdOrganisation(tx, organisationId))) return 'erased';
      const cycle = await this.lockCurrentCycle(tx, collaborationId);
      if (!cycle) return 'erased';
      return work(tx, cycle);
    });
  }

  /**
   * Serialises the collaboration's process writes on its row first: locking only the newest cycle let a second
   * "start the next cycle" wait on cycle 1's row and then, still holding the old answer, insert cycle 2 again
   * (found by a race of two starts on PostgreSQL). After the wait, the newest cycle is read afresh.
   */
  async lockCurrentCycle(tx: Tx, collaborationId: string): Promise<CycleRow | undefined> {
    await tx.execute(sql`select id from collaborations where id = ${collaborationId} for no key update`);
    const [cycle] = await tx
      .select()
      .from(processCycles)
      .where(eq(processCycles.collaborationId, collaborationId))
      .orderBy(desc(processCycles.number))
      .limit(1)
      .for('update');
    return cycle;
  }

  async deliverables(cycleId: string) {
    return this.db
      .select({ ...getTableColumns(processDeliverables), updatedByName: users.name })
      .from(processDeliverables)
      .leftJoin(users, eq(users.id, processDeliverables.updatedBy))
      .where(eq(processDeliverables.cycleId, cycleId));
  }

  async deliverable(tx: Tx, cycleId: string, deliverableId: string) {
    const [row] = await tx
      .select()
      .from(processDeliverables)
      .where(
        and(eq(processDeliverables.cycleId, cycleId), eq(processDeliverables.deliverableId, deliverableId)),
      );
    return row;
  }

  async signOffs(cycleId: string) {
    return this.db
      .select({ ...getTableColumns(processSignOffs), signedByName: users.name })
      .from(processSignOffs)
      .leftJoin(users, eq(users.id, processSignOffs.signedBy))
      .where(eq(processSignOffs.cycleId, cycleId));
  }

  /** Stores a new version; the caller checked the base version inside the cycle's lock. */
  async saveDeliverable(
    tx: Tx,
    change: {
      cycleId: string;
      deliverableId: string;
      version: number;
      content: DeliverableContent;
      userId: string | null;
      organisationId: string | null;
    },
  ): Promise<void> {
    const now = new Date();
    await tx
      .insert(processDeliverables)
      .values({
        cycleId: change.cycleId,
        deliverableId: change.deliverableId,
        version: change.version,
        content: change.content,
        updatedAt: now,
        updatedBy: change.userId,
      })
      .onConflictDoUpdate({
        target: [processDeliverables.cycleId, processDeliverables.deliverableId],
        set: { version: change.version, content: change.content, updatedAt: now, updatedBy: change.userId },
      });
    await tx.insert(processDeliverableVersions).values({
      cycleId: change.cycleId,
      deliverableId: change.deliverableId,
      version: change.version,
      content: change.content,
      changedAt: now,
      changedBy: change.userId,
      organisationId: change.organisationId,
    });
  }

  async versions(cycleId: string, deliverableId: string) {
    return this.db
      .select({ ...getTableColumns(processDeliverableVersions), changedByName: users.name })
      .from(processDeliverableVersions)
      .leftJoin(users, eq(users.id, processDeliverableVersions.changedBy))
      .where(
        and(
          eq(processDeliverableVersions.cycleId, cycleId),
          eq(processDeliverableVersions.deliverableId, deliverableId),
        ),
      )
      .orderBy(asc(processDeliverableVersions.version));
  }

  async signOff(
    tx: Tx,
    row: {
      cycleId: string;
      deliverableId: string;
      organisationId: string;
      version: number;
      signedBy: string;
    },
  ) {
    await tx
      .insert(processSignOffs)
      .values(row)
      .onConflictDoUpdate({
        target: [processSignOffs.cycleId, processSignOffs.deliverableId, processSignOffs.organisationId],
        set: { version: row.version, signedBy: row.signedBy, signedAt: new Date() },
      });
  }

  async withdrawSignOff(tx: Tx, cycleId: string, deliverableId: string, organisationId: string) {
    await tx
      .delete(processSignOffs)
      .where(
        and(
          eq(processSignOffs.cycleId, cycleId),
          eq(processSignOffs.deliverableId, deliverableId),
          eq(processSignOffs.organisationId, organisationId),
        ),
      );
  }

  // --- checks -------------------------------------------------------------------------------------------

  async checkSets(cycleId: string) {
    return this.db.select().from(processCheckSets).where(eq(processCheckSets.cycleId, cycleId));
  }

  async checkParticipation(cycleId: string, db: Db | Tx = this.db): Promise<CheckParticipationRow[]> {
    return db.select().from(processCheckParticipation).where(eq(processCheckParticipation.cycleId, cycleId));
  }

  async checkAnswers(cycleId: string): Promise<CheckAnswerRow[]> {
    return this.db.select().from(processCheckAnswers).where(eq(processCheckAnswers.cycleId, cycleId));
  }

  async checkRevealed(tx: Tx, cycleId: string, moment: CheckMoment): Promise<boolean> {
    const [row] = await tx
      .select({ revealedAt: processCheckSets.revealedAt })
      .from(processCheckSets)
      .where(and(eq(processCheckSets.cycleId, cycleId), eq(processCheckSets.moment, moment)));
    return Boolean(row?.revealedAt);
  }

  async saveCheckAnswers(
    tx: Tx,
    cycleId: string,
    moment: CheckMoment,
    organisationId: string,
    answers: { criterionId: string; rating: number | null; note: string | null }[],
  ) {
    if (!answers.length) return;
    await tx
      .insert(processCheckAnswers)
      .values(answers.map((a) => ({ cycleId, moment, organisationId, ...a })))
      .onConflictDoUpdate({
        target: [
          processCheckAnswers.cycleId,
          processCheckAnswers.moment,
          processCheckAnswers.organisationId,
          processCheckAnswers.criterionId,
        ],
        set: { rating: sql`excluded.rating`, note: sql`excluded.note` },
      });
  }

  async markCheck(
    tx: Tx,
    cycleId: string,
    moment: CheckMoment,
    organisationId: string,
    change: { submittedAt?: Date; earlyRevealAt?: Date },
  ) {
    await tx
      .insert(processCheckParticipation)
      .values({ cycleId, moment, organisationId, ...change })
      .onConflictDoUpdate({
        target: [
          processCheckParticipation.cycleId,
          processCheckParticipation.moment,
          processCheckParticipation.organisationId,
        ],
        set: change,
      });
  }

  async revealChecks(tx: Tx, cycleId: string, moment: CheckMoment, reason: RevealReason) {
    await tx
      .insert(processCheckSets)
      .values({ cycleId, moment, revealedAt: new Date(), revealReason: reason })
      .onConflictDoUpdate({
        target: [processCheckSets.cycleId, processCheckSets.moment],
        set: { revealedAt: new Date(), revealReason: reason },
        setWhere: isNull(processCheckSets.revealedAt),
      });
  }

  // --- pilots, measurements, decisions ------------------------------------------------------------------

  async pilots(cycleId: string): Promise<PilotRow[]> {
    return this.db
      .select()
      .from(processPilots)
      .where(eq(processPilots.cycleId, cycleId))
      .orderBy(asc(processPilots.startsOn), asc(processPilots.createdAt));
  }

  async createPilot(tx: Tx, row: typeof processPilots.$inferInsert): Promise<PilotRow> {
    const [created] = await tx.insert(processPilots).values(row).returning();
    return created!;
  }

  async updatePilot(
    tx: Tx,
    cycleId: string,
    id: string,
    change: Partial<typeof processPilots.$inferInsert>,
  ): Promise<PilotRow | undefined> {
    const [row] = await tx
      .update(processPilots)
      .set(change)
      .where(and(eq(processPilots.id, id), eq(processPilots.cycleId, cycleId)))
      .returning();
    return row;
  }

  async findPilot(tx: Tx, cycleId: string, id: string): Promise<PilotRow | undefined> {
    const [row] = await tx
      .select()
      .from(processPilots)
      .where(and(eq(processPilots.id, id), eq(processPilots.cycleId, cycleId)));
    return row;
  }

  async deletePilot(tx: Tx, cycleId: string, id: string): Promise<boolean> {
    const rows = await tx
      .delete(processPilots)
      .where(and(eq(processPilots.id, id), eq(processPilots.cycleId, cycleId)))
      .returning({ id: processPilots.id });
    return rows.length > 0;
  }

  async measurements(cycleId: string) {
    return this.db
      .select({ ...getTableColumns(processMeasurements), measuredByName: users.name })
      .from(processMeasurements)
      .leftJoin(users, eq(users.id, processMeasurements.measuredBy))
      .where(eq(processMeasurements.cycleId, cycleId));
  }

  async saveMeasurement(
    tx: Tx,
    row: {
      cycleId: string;
      criterionId: string;
      value: number | null;
      note: string | null;
      measuredBy: string;
    },
  ) {
    await tx
      .insert(processMeasurements)
      .values(row)
      .onConflictDoUpdate({
        target: [processMeasurements.cycleId, processMeasurements.criterionId],
        set: { value: row.value, note: row.note, measuredBy: row.measuredBy, measuredAt: new Date() },
      });
  }

  async votes(cycleId: string, db: Db | Tx = this.db) {
    const voter = alias(users, 'voter');
    return db
      .select({ ...getTableColumns(processDecisionVotes), votedByName: voter.name })
      .from(processDecisionVotes)
      .leftJoin(voter, eq(voter.id, processDecisionVotes.votedBy))
      .where(eq(processDecisionVotes.cycleId, cycleId));
  }

  async vote(
    tx: Tx,
    row: {
      cycleId: string;
      organisationId: string;
      decision: Decision;
      reason: string | null;
      votedBy: string;
    },
  ) {
    await tx
      .insert(processDecisionVotes)
      .values(row)
      .onConflictDoUpdate({
        target: [processDecisionVotes.cycleId, processDecisionVotes.organisationId],
        set: { decision: row.decision, reason: row.reason, votedBy: row.votedBy, votedAt: new Date() },
      });
  }

  async withdrawVote(tx: Tx, cycleId: string, organisationId: string) {
    await tx
      .delete(processDecisionVotes)
      .where(
        and(
          eq(processDecisionVotes.cycleId, cycleId),
          eq(processDecisionVotes.organisationId, organisationId),
        ),
      );
  }

  async decide(tx: Tx, cycleId: string, decision: Decision) {
    await tx
      .update(processCycles)
      .set({ decision, decidedAt: new Date() })
      .where(and(eq(processCycles.id, cycleId), isNull(processCycles.decision)));
  }

  async startCycle(
    tx: Tx,
    collaborationId: string,
    number: number,
    roundId: string | null,
  ): Promise<CycleRow> {
    const [row] = await tx.insert(processCycles).values({ collaborationId, number, roundId }).returning();
    return row!;
  }

  async deliverablesIn(tx: Tx, cycleId: string) {
    return tx.select().from(processDeliverables).where(eq(processDeliverables.cycleId, cycleId));
  }
}
