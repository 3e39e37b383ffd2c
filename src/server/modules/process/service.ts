import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import {
  type CreatePilotBody,
  type DecisionBody,
  type Deliverable,
  type ProcessExport,
  type ProcessView,
  type SaveChecksBody,
  type SaveDeliverableBody,
  type UpdatePilotBody,
  zDeliverableContent,
} from '../../../contracts/process.ts';
import {
  CHECK_MOMENTS,
  type CheckMoment,
  type CheckRating,
  carryOver,
  combineChecks,
  criteriaOf,
  currentStep,
  DELIVERABLE_FORMS,
  DELIVERABLE_IDS,
  type DeliverableContent,
  type DeliverableId,
  type DeliverableState,
  decisionState,
  deliverableState,
  diffContent,
  evaluateCriterion,
  isEmptyContent,
  organisationCells,
  stepOf,
  suggestDecision,
} from '../../../domain/process/index.ts';
import { revealProgress } from '../../../domain/reveal/index.ts';
import type { Tx } from '../../db/client.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.ts';
import type { CollaborationAccess } from '../collaborations/access.ts';
import type { CollaborationLifecycle } from '../collaborations/lifecycle.ts';
import type { CycleRow, PilotRow, ProcessRepository } from './repository.ts';

/** Opens a wheel round for a new cycle, or names the open one: the wheel module's business, not ours. */
export type RoundOpener = (actor: OrganisationActor, collaborationId: string) => Promise<string>;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The partnering process of a collaboration (issue 12): four steps of deliverables agreed by every partner,
 * checks answered privately and revealed together, pilots, go/no-go criteria and a decision taken by all, in
 * plan-do-check-act cycles. Any partner may work on the current cycle; earlier cycles are read-only.
 */
export class ProcessService {
  constructor(
    private readonly repo: ProcessRepository,
    private readonly access: CollaborationAccess,
    private readonly openRound: RoundOpener,
  ) {}

  /** A partner leaving may complete a check's reveal, as it may the wheel round's, and the decision. */
  lifecycle(): CollaborationLifecycle {
    return {
      partnerLeft: async (tx, collaboration) => {
        if (collaboration.archived) return;
        const cycle = await this.repo.lockCurrentCycle(tx, collaboration.id);
        if (!cycle) return;
        for (const moment of CHECK_MOMENTS)
          await this.revealChecksIfReady(tx, cycle.id, moment, collaboration.id);
        // The decision stands once every partner taking part now chose the same (docs/process.md). Only a vote
        // decided it, so when the one partner still to choose (or the one that chose otherwise) left, the rest
        // had agreed and the view said it waited for nobody, yet nothing was decided and no cycle could start.
        if (!cycle.decision) await this.decideIfAgreed(tx, cycle.id, collaboration.id);
      },
    };
  }

  async view(actor: OrganisationActor, collaborationId: string, cycleNumber?: number): Promise<ProcessView> {
    const collaboration = await this.access.read(actor, collaborationId);
    const cycles = await this.cyclesOf(collaborationId);
    const cycle = cycleNumber ? cycles.find((c) => c.number === cycleNumber) : cycles.at(-1);
    if (!cycle) throw notFound('No such cycle.');
    const current = cycle.id === cycles.at(-1)!.id;
    const [
      participants,
      deliverableRows,
      signOffRows,
      checkSets,
      participation,
      answerRows,
      pilots,
      measured,
      votes,
    ] = await Promise.all([
      this.access.participants([collaborationId]),
      this.repo.deliverables(cycle.id),
      this.repo.signOffs(cycle.id),
      this.repo.checkSets(cycle.id),
      this.repo.checkParticipation(cycle.id),
      this.repo.checkAnswers(cycle.id),
      this.repo.pilots(cycle.id),
      this.repo.measurements(cycle.id),
      this.repo.votes(cycle.id),
    ]);
    const partnerIds = participants.map((p) => p.organisationId);
    const us = actor.organisation.id;
    const editable = current && !collaboration.archivedAt;

    const deliverables: Deliverable[] = DELIVERABLE_IDS.map((id) => {
      const row = deliverableRows.find((d) => d.deliverableId === id);
      const version = row?.version ?? 0;
      const content = (row?.content as DeliverableContent | undefined) ?? null;
      const signOffs = signOffRows.filter((s) => s.deliverableId === id && s.version === version);
      const { state, waitingFor } = deliverableState({ content, version, signOffs, partnerIds });
      return {
        id,
        step: stepOf(id),
        version,
        state,
        content,
        updatedAt: row?.updatedAt.toISOString() ?? null,
        updatedBy: row?.updatedByName ?? null,
        signOffs: signOffs
          .filter((s) => partnerIds.includes(s.organisationId))
          .map((s) => ({
            organisationId: s.organisationId,
            version: s.version,
            signedBy: s.signedByName ?? null,
            signedAt: s.signedAt.toISOString(),
          })),
        waitingFor,
      };
    });

    const checks = CHECK_MOMENTS.map((moment) => {
      const set = checkSets.find((s) => s.moment === moment);
      const revealed = Boolean(set?.revealedAt);
      const taking = participation.filter((p) => p.moment === moment);
      // After the reveal, the answers of those that took part in it (also one that left since); anyone else,
      // a leaver's drafts or a late joiner's, stays private. Before it, only your own.
      const inReveal = new Set(
        revealed ? taking.filter((p) => p.submittedAt || p.earlyRevealAt).map((p) => p.organisationId) : [],
      );
      const answers = answerRows
        .filter((a) => a.moment === moment && (a.organisationId === us || inReveal.has(a.organisationId)))
        .map((a) => ({
          organisationId: a.organisationId,
          criterionId: a.criterionId,
          rating: a.rating as CheckRating | null,
          note: a.note,
        }));
      return {
        moment,
        revealedAt: set?.revealedAt?.toISOString() ?? null,
        revealReason: set?.revealReason ?? null,
        editable: editable && !revealed,
        status: partnerIds.map((organisationId) => {
          const p = taking.find((x) => x.organisationId === organisationId);
          return {
            organisationId,
            submitted: Boolean(p?.submittedAt),
            earlyReveal: Boolean(p?.earlyRevealAt),
          };
        }),
        answers,
        outcome: revealed
          ? (() => {
              const combined = combineChecks(answers.filter((a) => inReveal.has(a.organisationId)));
              return {
                criteria: combined.criteria.map((c) => ({ ...c, topics: [...c.topics] })),
                advice: combined.advice,
              };
            })()
          : null,
      };
    });

    const measurement = deliverables.find((d) => d.id === 'measurement-system')?.content ?? null;
    const criteria = criteriaOf(measurement).map((c) => {
      const m = measured.find((x) => x.criterionId === c.id);
      return {
        ...c,
        measured: m?.value ?? null,
        note: m?.note ?? null,
        measuredBy: m?.measuredByName ?? null,
        measuredAt: m?.measuredAt.toISOString() ?? null,
        result: evaluateCriterion(c, m?.value),
      };
    });
    const decision = decisionState(votes, partnerIds);
    const states = Object.fromEntries(deliverables.map((d) => [d.id, d.state])) as Record<
      DeliverableId,
      DeliverableState
    >;

    return {
      cycle: {
        number: cycle.number,
        startedAt: cycle.startedAt.toISOString(),
        current,
        editable,
        roundNumber: cycle.roundNumber,
      },
      cycles: cycles.map((c) => ({
        number: c.number,
        startedAt: c.startedAt.toISOString(),
        decision: c.decision,
      })),
      partners: participants.map((p) => ({ organisationId: p.organisationId, name: p.name })),
      position: currentStep(states, Boolean(cycle.decision)),
      deliverables,
      checks,
      pilots: pilots.map(toPilot),
      criteria,
      decision: {
        suggestion: suggestDecision(criteria.map((c) => c.result)),
        decided: cycle.decision,
        decidedAt: cycle.decidedAt?.toISOString() ?? null,
        waitingFor: cycle.decision ? [] : decision.waitingFor,
        differ: decision.differ,
        votes: votes.map((v) => ({
          organisationId: v.organisationId,
          decision: v.decision,
          reason: v.reason,
          by: v.votedByName ?? null,
          at: v.votedAt.toISOString(),
        })),
      },
    };
  }

  /** Saves a new version of a deliverable; any sign-off of the version before stops counting. */
  async saveDeliverable(
    actor: OrganisationActor,
    collaborationId: string,
    deliverableId: DeliverableId,
    body: SaveDeliverableBody,
  ): Promise<ProcessView> {
    const content = parseContent(deliverableId, body.content);
    await this.write(actor, collaborationId, async (tx, cycle) => {
      await this.checkOrganisations(deliverableId, content, collaborationId, tx);
      const row = await this.repo.deliverable(tx, cycle.id, deliverableId);
      const version = row?.version ?? 0;
      if (body.baseVersion !== version) {
        throw new AppError(
          409,
          'edit_conflict',
          'Someone saved this deliverable after you opened it; read their version before saving yours.',
          [{ field: 'baseVersion', message: `the current version is ${version}` }],
        );
      }
      // Saving what is already there makes no new version, so nobody's sign-off is lost for nothing.
      if (row && isDeepStrictEqual(row.content, content)) return;
      await this.repo.saveDeliverable(tx, {
        cycleId: cycle.id,
        deliverableId,
        version: version + 1,
        content,
        userId: actor.userId,
        organisationId: actor.organisation.id,
      });
    });
    return this.view(actor, collaborationId);
  }

  /** The acting organisation agrees to `version`; an edit in between answers 409. */
  async signOff(
    actor: OrganisationActor,
    collaborationId: string,
    deliverableId: DeliverableId,
    version: number,
  ): Promise<ProcessView> {
    await this.write(actor, collaborationId, async (tx, cycle) => {
      const row = await this.repo.deliverable(tx, cycle.id, deliverableId);
      if (!row) throw conflict('nothing_to_agree', 'This deliverable is still empty; fill it in first.');
      if (row.version !== version)
        throw new AppError(
          409,
          'edit_conflict',
          'The deliverable was changed after you read it; read the new version before agreeing.',
          [{ field: 'version', message: `the current version is ${row.version}` }],
        );
      await this.repo.signOff(tx, {
        cycleId: cycle.id,
        deliverableId,
        organisationId: actor.organisation.id,
        version,
        signedBy: actor.userId,
      });
    });
    return this.view(actor, collaborationId);
  }

  async withdrawSignOff(actor: OrganisationActor, collaborationId: string, deliverableId: DeliverableId) {
    await this.write(actor, collaborationId, (tx, cycle) =>
      this.repo.withdrawSignOff(tx, cycle.id, deliverableId, actor.organisation.id),
    );
    return this.view(actor, collaborationId);
  }

  /** Every version of a deliverable in a cycle, each with what changed from the one before. */
  async versions(
    actor: OrganisationActor,
    collaborationId: string,
    deliverableId: DeliverableId,
    cycleNumber?: number,
  ) {
    const cycle = await this.readCycle(actor, collaborationId, cycleNumber);
    const rows = await this.repo.versions(cycle.id, deliverableId);
    return {
      versions: rows
        .map((row, i) => ({
          version: row.version,
          changedAt: row.changedAt.toISOString(),
          changedBy: row.changedByName ?? null,
          organisationId: row.organisationId,
          changes: diffContent(
            deliverableId,
            (rows[i - 1]?.content as DeliverableContent | undefined) ?? null,
            row.content as DeliverableContent,
          ),
          content: row.content as DeliverableContent,
        }))
        .reverse(),
    };
  }

  // --- checks ---------------------------------------------------------------------------------------------

  async saveChecks(
    actor: OrganisationActor,
    collaborationId: string,
    moment: CheckMoment,
    body: SaveChecksBody,
  ) {
    await this.writeChecks(actor, collaborationId, moment, (tx, cycle) =>
      this.repo.saveCheckAnswers(tx, cycle.id, moment, actor.organisation.id, toCheckAnswers(body)),
    );
    return this.view(actor, collaborationId);
  }

  /** Submits (saving what came with it first); reveals when the rule of RULES.md is met. */
  async submitChecks(
    actor: OrganisationActor,
    collaborationId: string,
    moment: CheckMoment,
    body?: SaveChecksBody,
  ) {
    await this.writeChecks(actor, collaborationId, moment, async (tx, cycle) => {
      if (body)
        await this.repo.saveCheckAnswers(tx, cycle.id, moment, actor.organisation.id, toCheckAnswers(body));
      await this.repo.markCheck(tx, cycle.id, moment, actor.organisation.id, { submittedAt: new Date() });
      await this.revealChecksIfReady(tx, cycle.id, moment, collaborationId);
    });
    return this.view(actor, collaborationId);
  }

  async revealChecksEarly(actor: OrganisationActor, collaborationId: string, moment: CheckMoment) {
    await this.writeChecks(actor, collaborationId, moment, async (tx, cycle) => {
      await this.repo.markCheck(tx, cycle.id, moment, actor.organisation.id, { earlyRevealAt: new Date() });
      await this.revealChecksIfReady(tx, cycle.id, moment, collaborationId);
    });
    return this.view(actor, collaborationId);
  }

  private async writeChecks(
    actor: OrganisationActor,
    collaborationId: string,
    moment: CheckMoment,
    work: (tx: Tx, cycle: CycleRow) => Promise<unknown>,
  ) {
    await this.write(actor, collaborationId, async (tx, cycle) => {
      if (await this.repo.checkRevealed(tx, cycle.id, moment))
        throw conflict(
          'checks_revealed',
          'These checks have been revealed; start a new cycle to answer them again.',
        );
      await work(tx, cycle);
    });
  }

  /** Inside the cycle's lock: the partners are read after it, as two may leave at the same moment. */
  private async revealChecksIfReady(tx: Tx, cycleId: string, moment: CheckMoment, collaborationId: string) {
    const partners = (await this.access.participants([collaborationId], tx)).map((p) => p.organisationId);
    const rows = (await this.repo.checkParticipation(cycleId, tx)).filter((p) => p.moment === moment);
    const { reason } = revealProgress(
      partners.map((id) => {
        const p = rows.find((r) => r.organisationId === id);
        return { submitted: Boolean(p?.submittedAt), earlyReveal: Boolean(p?.earlyRevealAt) };
      }),
    );
    if (reason) await this.repo.revealChecks(tx, cycleId, moment, reason);
  }

  // --- pilots, measurements, decision, cycles ----------------------------------------------------------------

  async createPilot(actor: OrganisationActor, collaborationId: string, body: CreatePilotBody) {
    await this.write(actor, collaborationId, (tx, cycle) =>
      this.repo.createPilot(tx, {
        cycleId: cycle.id,
        title: body.title,
        plan: body.plan ?? null,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        participants: body.participants ?? null,
        results: body.results ?? null,
      }),
    );
    return this.view(actor, collaborationId);
  }

  async updatePilot(
    actor: OrganisationActor,
    collaborationId: string,
    pilotId: string,
    body: UpdatePilotBody,
  ) {
    await this.write(actor, collaborationId, async (tx, cycle) => {
      const pilot = await this.repo.findPilot(tx, cycle.id, pilotId);
      if (!pilot) throw notFound('No such pilot in the current cycle.');
      const startsOn = body.startsOn ?? pilot.startsOn;
      const endsOn = body.endsOn ?? pilot.endsOn;
      if (endsOn < startsOn)
        throw badRequest('invalid_input', 'A pilot cannot end before it starts.', [
          { field: body.endsOn ? 'endsOn' : 'startsOn', message: 'must not be after the end' },
        ]);
      await this.repo.updatePilot(tx, cycle.id, pilotId, body);
    });
    return this.view(actor, collaborationId);
  }

  async deletePilot(actor: OrganisationActor, collaborationId: string, pilotId: string) {
    await this.write(actor, collaborationId, async (tx, cycle) => {
      if (!(await this.repo.deletePilot(tx, cycle.id, pilotId)))
        throw notFound('No such pilot in the current cycle.');
    });
    return this.view(actor, collaborationId);
  }

  /** The measured value of a go/no-go criterion of the current cycle's measurement system. */
  async measure(
    actor: OrganisationActor,
    collaborationId: string,
    criterionId: string,
    body: { value: number | null; note?: string | null },
  ) {
    await this.write(actor, collaborationId, async (tx, cycle) => {
      const measurement = await this.repo.deliverable(tx, cycle.id, 'measurement-system');
      const known = criteriaOf((measurement?.content as DeliverableContent | undefined) ?? null);
      if (!known.some((c) => c.id === criterionId))
        throw notFound('No such go/no-go criterion in this cycle’s measurement system.');
      await this.repo.saveMeasurement(tx, {
        cycleId: cycle.id,
        criterionId,
        value: body.value,
        note: body.note ?? null,
        measuredBy: actor.userId,
      });
    });
    return this.view(actor, collaborationId);
  }

  /** The acting organisation's choice; the decision stands once all partners chose the same. */
  async vote(actor: OrganisationActor, collaborationId: string, body: DecisionBody) {
    await this.write(actor, collaborationId, async (tx, cycle) => {
      if (cycle.decision) throw conflict('decided', 'The partners have already decided in this cycle.');
      await this.repo.vote(tx, {
        cycleId: cycle.id,
        organisationId: actor.organisation.id,
        decision: body.decision,
        reason: body.reason ?? null,
        votedBy: actor.userId,
      });
      await this.decideIfAgreed(tx, cycle.id, collaborationId);
    });
    return this.view(actor, collaborationId);
  }

  /** Inside the cycle's lock: records the decision once every partner taking part now chose the same. */
  private async decideIfAgreed(tx: Tx, cycleId: string, collaborationId: string) {
    const partners = (await this.access.participants([collaborationId], tx)).map((p) => p.organisationId);
    const { decided } = decisionState(await this.repo.votes(cycleId, tx), partners);
    if (decided) await this.repo.decide(tx, cycleId, decided);
  }

  async withdrawVote(actor: OrganisationActor, collaborationId: string) {
    await this.write(actor, collaborationId, async (tx, cycle) => {
      if (cycle.decision) throw conflict('decided', 'The partners have already decided in this cycle.');
      await this.repo.withdrawVote(tx, cycle.id, actor.organisation.id);
    });
    return this.view(actor, collaborationId);
  }

  /**
   * Starts the next cycle once the partners decided in this one: every deliverable comes along as a draft, the
   * earlier cycle stays as it was. With `openRound`, a new wheel round opens too (or the open one is linked).
   */
  async startCycle(actor: OrganisationActor, collaborationId: string, body: { openRound?: boolean }) {
    await this.access.write(actor, collaborationId);
    // Refused before a wheel round is opened: a start answered 409 opened a new round all the same when the
    // last one was revealed. (Checked again under the lock below, where it counts.)
    if (body.openRound && !(await this.cyclesOf(collaborationId)).at(-1)?.decision) throw decisionNeeded();
    const roundId = body.openRound ? await this.openRound(actor, collaborationId) : null;
    await this.write(actor, collaborationId, async (tx, cycle) => {
      if (!cycle.decision) throw decisionNeeded();
      const next = await this.repo.startCycle(tx, collaborationId, cycle.number + 1, roundId);
      for (const d of carryOver(
        (await this.repo.deliverablesIn(tx, cycle.id)).map((row) => ({
          deliverableId: row.deliverableId as DeliverableId,
          content: row.content as DeliverableContent,
        })),
      ))
        await this.repo.saveDeliverable(tx, {
          cycleId: next.id,
          deliverableId: d.deliverableId,
          version: d.version,
          content: d.content,
          userId: actor.userId,
          organisationId: actor.organisation.id,
        });
    });
    return this.view(actor, collaborationId);
  }

  // --- documents --------------------------------------------------------------------------------------------

  /** Every cycle (or one) as the reader sees it, for the PDF and the JSON export. */
  async documented(actor: OrganisationActor, collaborationId: string, cycleNumber?: number) {
    const collaboration = await this.access.read(actor, collaborationId);
    const cycles = await this.cyclesOf(collaborationId);
    const numbers = cycleNumber ? [cycleNumber] : cycles.map((c) => c.number);
    if (cycleNumber && !cycles.some((c) => c.number === cycleNumber)) throw notFound('No such cycle.');
    const views = [];
    for (const n of numbers) views.push(await this.view(actor, collaborationId, n));
    return { collaboration: { name: collaboration.name }, views };
  }

  /**
   * Starts from another collaboration's exported process: the deliverables of its last cycle become drafts of
   * this one's current cycle, except where something is already written (never overwritten, so nothing is
   * lost). Organisations named in the template are other partners', so they are left out.
   */
  async importTemplate(actor: OrganisationActor, collaborationId: string, template: ProcessExport) {
    const source = template.cycles.at(-1)!;
    const at = template.cycles.length - 1;
    const unknown = Object.keys(source.deliverables).filter(
      (id) => !DELIVERABLE_IDS.includes(id as DeliverableId),
    );
    if (unknown.length)
      throw badRequest(
        'invalid_input',
        'Unknown deliverables in the file.',
        unknown.map((id) => ({
          field: `cycles.${at}.deliverables.${id}`,
          message: 'is not a deliverable of the process',
        })),
      );
    const contents = new Map<DeliverableId, DeliverableContent>();
    for (const [id, entry] of Object.entries(source.deliverables) as [
      DeliverableId,
      { content: unknown },
    ][]) {
      if (!entry.content) continue;
      const content = withoutOrganisations(
        id,
        parseContent(id, entry.content, `cycles.${at}.deliverables.${id}.content`),
      );
      if (!isEmptyContent(content)) contents.set(id, content);
    }
    const imported: DeliverableId[] = [];
    const skipped: DeliverableId[] = [];
    await this.write(actor, collaborationId, async (tx, cycle) => {
      for (const [id, content] of contents) {
        const row = await this.repo.deliverable(tx, cycle.id, id);
        if (row && !isEmptyContent(row.content as DeliverableContent)) {
          skipped.push(id);
          continue;
        }
        await this.repo.saveDeliverable(tx, {
          cycleId: cycle.id,
          deliverableId: id,
          version: (row?.version ?? 0) + 1,
          content,
          userId: actor.userId,
          organisationId: actor.organisation.id,
        });
        imported.push(id);
      }
    });
    return { imported, skipped };
  }

  // --- shared ---------------------------------------------------------------------------------------------

  /** The cycles, the first made on the first visit: a read writes only once per collaboration. */
  private async cyclesOf(collaborationId: string) {
    const cycles = await this.repo.cycles(collaborationId);
    if (cycles.length) return cycles;
    await this.repo.ensureFirstCycle(collaborationId);
    return this.repo.cycles(collaborationId);
  }

  private async readCycle(actor: OrganisationActor, collaborationId: string, cycleNumber?: number) {
    await this.access.read(actor, collaborationId);
    const cycles = await this.cyclesOf(collaborationId);
    const cycle = cycleNumber ? cycles.find((c) => c.number === cycleNumber) : cycles.at(-1);
    if (!cycle) throw notFound('No such cycle.');
    return cycle;
  }

  private async write<T>(
    actor: OrganisationActor,
    collaborationId: string,
    work: (tx: Tx, cycle: CycleRow) => Promise<T>,
  ): Promise<T> {
    await this.access.write(actor, collaborationId);
    const outcome = await this.repo.write(collaborationId, actor.organisation.id, work);
    if (outcome === 'erased') throw notFound('No such collaboration.');
    return outcome;
  }

  /** An organisation named in a deliverable is one of the partners; anything else answers 400 naming the cell. */
  private async checkOrganisations(
    id: DeliverableId,
    content: DeliverableContent,
    collaborationId: string,
    tx: Tx,
  ) {
    const partners = new Set(
      (await this.access.participants([collaborationId], tx)).map((p) => p.organisationId),
    );
    const wrong = organisationCells(id, content)
      .filter((cell) => !partners.has(cell.value))
      .map((cell) => ({
        field: ['content', ...cell.path].join('.'),
        message: 'is not a partner of this collaboration',
      }));
    if (wrong.length) throw badRequest('invalid_input', 'Unknown organisations in the deliverable.', wrong);
  }
}

/** Checks content against the deliverable's form; keyed rows get an id when they come without one. */
function parseContent(id: DeliverableId, raw: unknown, at = 'content'): DeliverableContent {
  const parsed = zDeliverableContent(id).safeParse(raw);
  if (!parsed.success) throw invalidContent(parsed.error, at);
  const content = parsed.data as DeliverableContent;
  for (const field of DELIVERABLE_FORMS[id].fields) {
    const rows = content[field.id];
    if (field.kind === 'table' && field.keyed && Array.isArray(rows)) {
      const seen = new Set<string>();
      content[field.id] = (rows as Record<string, string | number | null>[]).map((row) => {
        const key = typeof row.id === 'string' && !seen.has(row.id) ? row.id : randomUUID().slice(0, 8);
        seen.add(key);
        return { ...row, id: key };
      });
    }
  }
  return content;
}

/** A template's organisation fields name another collaboration's partners: emptied, never carried over. */
function withoutOrganisations(id: DeliverableId, content: DeliverableContent): DeliverableContent {
  const out = structuredClone(content);
  for (const { path } of organisationCells(id, content)) {
    if (path.length === 1) out[path[0]] = null;
    else (out[path[0]] as Record<string, unknown>[])[path[1]]![path[2]] = null;
  }
  return out;
}

function invalidContent(error: z.ZodError, at: string): AppError {
  const details = error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return {
      field: [at, ...path.map(String)].join('.'),
      message: issue.code === 'unrecognized_keys' ? 'is not a field of this deliverable' : issue.message,
    };
  });
  return badRequest(
    'invalid_input',
    `Invalid body: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
    details,
  );
}

const decisionNeeded = () =>
  conflict('decision_needed', 'Decide together to scale, adjust or stop before starting the next cycle.');

function toCheckAnswers(body: SaveChecksBody) {
  return Object.entries(body.answers).map(([criterionId, a]) => ({
    criterionId,
    rating: a?.rating ?? null,
    note: a?.note ?? null,
  }));
}

function toPilot(row: PilotRow) {
  const now = today();
  return {
    id: row.id,
    title: row.title,
    plan: row.plan,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    participants: row.participants,
    results: row.results,
    status: (now < row.startsOn ? 'planned' : now > row.endsOn ? 'ended' : 'running') as
      | 'planned'
      | 'running'
      | 'ended',
  };
}
