import type { AssessmentView } from '../../../contracts/assessment.ts';
import type {
  Action,
  Placement,
  Round,
  SaveAnswerBody,
  Workspace,
} from '../../../contracts/collaborations.ts';
import type { Locale } from '../../../domain/instrument/types.ts';
import { isTopicId } from '../../../domain/instrument/wheel.ts';
import { placeStage, proposeAgenda, timelinePoint } from '../../../domain/wheel/index.ts';
import type { Tx } from '../../db/client.ts';
import { holdOrganisation } from '../../db/organisation-hold.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { CollaborationAccess } from '../collaborations/access.ts';
import type { CollaborationLifecycle } from '../collaborations/lifecycle.ts';
import type { FollowUpService } from '../follow-up/service.ts';
import { toAnswer, toPlacement, toRound, toRoundRatings } from './mappers.ts';
import { renderRoundReport } from './report.ts';
import type { ParticipationRow, RatingRow, RoundRow, WheelRepository } from './repository.ts';

const today = () => new Date().toISOString().slice(0, 10);

export type WheelPart = Pick<
  Workspace,
  'rounds' | 'currentRound' | 'previousRound' | 'placement' | 'agenda' | 'timeline'
>;
export type WorkspaceRounds = {
  rounds: RoundRow[];
  participation: ParticipationRow[];
  revealedRatings: RatingRow[];
  ownCurrent: RatingRow[];
};
export type WheelSummary = {
  round: number;
  roundRevealed: boolean;
  /** When the current round was revealed: the collaboration's rhythm counts from there. */
  roundRevealedAt: string | null;
  weSubmitted: boolean;
  stage: Placement['stage'] | null;
};

/**
 * The self-assessment of a round as its reader may see it (results only once revealed). The assessment module
 * builds on this one, so its use case is handed in at start-up (src/server/app.ts) rather than imported.
 */
export type RoundAssessment = (
  actor: OrganisationActor,
  collaborationId: string,
  round: number,
) => Promise<AssessmentView>;

/** Rounds of the wheel: private answers, the reveal, the stage placement, the agenda and the round report. */
export class WheelService {
  private assessmentOf: RoundAssessment | null = null;

  constructor(
    private readonly repo: WheelRepository,
    private readonly access: CollaborationAccess,
    private readonly followUp: FollowUpService,
  ) {}

  /** Lets the round report carry the round's self-assessment, read through the assessment module's use case. */
  reportAssessmentWith(assessmentOf: RoundAssessment): void {
    this.assessmentOf = assessmentOf;
  }

  /** Round 1 opens with the collaboration; a round whose remaining partners all submitted reveals. */
  lifecycle(): CollaborationLifecycle {
    return {
      created: async (tx, collaborationId) => {
        await this.repo.openRound(collaborationId, 1, tx);
      },
      partnerLeft: async (tx, collaboration) => {
        // An archived collaboration is read-only: a partner leaving it reveals nothing.
        if (collaboration.archived) return;
        const current = await this.repo.currentRound(collaboration.id, tx);
        await this.repo.lockRound(tx, current.id);
        // Read after the lock: a partner leaving at the same moment has committed by now.
        await this.revealIfReady(tx, current.id, collaboration.id);
      },
    };
  }

  /**
   * What the wheel's part of the workspace is made from, for a collaboration whose access the caller checked:
   * other partners' answers only from revealed rounds. Read beside the other parts, then put together by
   * `workspacePart`, so the page costs no extra round trip.
   */
  async workspaceRounds(organisationId: string, collaborationId: string): Promise<WorkspaceRounds> {
    const rounds = await this.repo.rounds([collaborationId]);
    const current = rounds.at(-1)!;
    const revealedRounds = rounds.filter((r) => r.revealedAt);
    const [participation, revealedRatings, ownCurrent] = await Promise.all([
      this.repo.participation([current.id]),
      this.repo.revealedRatings(revealedRounds.map((r) => r.id)),
      current.revealedAt ? Promise.resolve([]) : this.repo.ratings([current.id], organisationId),
    ]);
    return { rounds, participation, revealedRatings, ownCurrent };
  }

  /** The wheel's part of the workspace: rounds, stage, agenda (which weighs overdue actions) and timeline. */
  workspacePart(state: WorkspaceRounds, organisationIds: string[], actions: Action[]): WheelPart {
    const { rounds, participation, revealedRatings, ownCurrent } = state;
    const current = rounds.at(-1)!;
    const revealedRounds = rounds.filter((r) => r.revealedAt);
    const ratingsOf = (round: RoundRow) =>
      round.revealedAt ? revealedRatings.filter((r) => r.roundId === round.id) : ownCurrent;
    const latestRevealed = revealedRounds.at(-1);
    const previous = [...revealedRounds].reverse().find((r) => r.number < current.number) ?? null;

    let placement: Placement | null = null;
    let agenda: WheelPart['agenda'] = [];
    if (latestRevealed) {
      const roundRatings = toRoundRatings(ratingsOf(latestRevealed));
      placement = toPlacement(latestRevealed.number, roundRatings);
      agenda = proposeAgenda(
        roundRatings,
        actions.map((a) => ({ topicId: a.topicId, dueDate: a.dueDate, done: a.done })),
        today(),
      );
    }
    return {
      rounds: rounds.map((r) => ({
        number: r.number,
        startedAt: r.startedAt.toISOString(),
        revealedAt: r.revealedAt?.toISOString() ?? null,
      })),
      currentRound: toRound(current, organisationIds, participation, ratingsOf(current)),
      previousRound: previous ? toRound(previous, organisationIds, [], ratingsOf(previous)) : null,
      placement,
      agenda,
      timeline: revealedRounds.map((r) => timelinePoint(r.number, toRoundRatings(ratingsOf(r)))),
    };
  }

  /** Per collaboration, for the dashboard cards of an organisation that takes part in all of them. */
  async summaries(organisationId: string, collaborationIds: string[]): Promise<Map<string, WheelSummary>> {
    const allRounds = await this.repo.rounds(collaborationIds);
    const current = new Map<string, RoundRow>();
    const lastRevealed = new Map<string, RoundRow>();
    for (const r of allRounds) {
      current.set(r.collaborationId, r);
      if (r.revealedAt) lastRevealed.set(r.collaborationId, r);
    }
    const [participation, revealedRatings] = await Promise.all([
      this.repo.participation([...current.values()].map((r) => r.id)),
      this.repo.revealedRatings([...lastRevealed.values()].map((r) => r.id)),
    ]);
    const out = new Map<string, WheelSummary>();
    for (const [collaborationId, round] of current) {
      const revealed = lastRevealed.get(collaborationId);
      out.set(collaborationId, {
        round: round.number,
        roundRevealed: Boolean(round.revealedAt),
        roundRevealedAt: round.revealedAt?.toISOString() ?? null,
        weSubmitted: participation.some(
          (p) => p.roundId === round.id && p.organisationId === organisationId && p.submittedAt,
        ),
        stage: revealed
          ? placeStage(toRoundRatings(revealedRatings.filter((r) => r.roundId === revealed.id))).stage
          : null,
      });
    }
    return out;
  }

  async round(actor: OrganisationActor, collaborationId: string, number: number): Promise<Round> {
    await this.access.read(actor, collaborationId);
    const [participants, rounds] = await Promise.all([
      this.access.participants([collaborationId]),
      this.repo.rounds([collaborationId]),
    ]);
    const round = rounds.find((r) => r.number === number);
    if (!round) throw notFound('No such round.');
    const [participation, answers] = await Promise.all([
      this.repo.participation([round.id]),
      this.visibleRatings(round, actor.organisation.id),
    ]);
    return toRound(
      round,
      participants.map((p) => p.organisationId),
      participation,
      answers,
    );
  }

  /**
   * The round report as a PDF: the wheel filled in, the agenda, all agreements and the self-assessment. An
   * unrevealed round carries only the reader's own organisation's answers and no agenda; the self-assessment's
   * results come only once it is revealed, which happens apart from the wheel's reveal.
   */
  async report(
    actor: OrganisationActor,
    collaborationId: string,
    number: number,
    lang: Locale,
  ): Promise<Buffer> {
    const collaboration = await this.access.read(actor, collaborationId);
    const [participants, former, rounds, agreements, actions] = await Promise.all([
      this.access.participants([collaborationId]),
      this.access.formerParticipants([collaborationId]),
      this.repo.rounds([collaborationId]),
      this.followUp.agreementsOf(collaborationId),
      this.followUp.actionsOf([collaborationId]),
    ]);
    const round = rounds.find((r) => r.number === number);
    if (!round) throw notFound('No such round.');
    const [rows, assessment] = await Promise.all([
      this.visibleRatings(round, actor.organisation.id),
      this.assessmentOf?.(actor, collaborationId, number) ?? null,
    ]);
    const ratings = toRoundRatings(rows);
    const formerPartners = former.map((f) => ({ ...f, left: true }));
    return renderRoundReport(
      {
        collaboration: { name: collaboration.name, purpose: collaboration.purpose },
        participants: [
          ...participants,
          ...formerPartners.filter((f) => rows.some((r) => r.organisationId === f.organisationId)),
        ],
        round: { number: round.number, revealedAt: round.revealedAt?.toISOString() ?? null },
        answers: rows.map(toAnswer),
        placement: round.revealedAt ? toPlacement(round.number, ratings) : null,
        agenda: round.revealedAt
          ? proposeAgenda(
              ratings,
              actions.map((a) => ({ topicId: a.topicId, dueDate: a.dueDate, done: a.done })),
              today(),
            )
          : [],
        agreements,
        actions,
        assessment: assessment && { view: assessment, names: [...participants, ...formerPartners] },
      },
      lang,
    );
  }

  async saveAnswer(actor: OrganisationActor, collaborationId: string, topicId: string, body: SaveAnswerBody) {
    if (!isTopicId(topicId)) throw notFound('No such topic in the wheel.');
    await this.access.write(actor, collaborationId);
    const current = await this.repo.currentRound(collaborationId);
    return this.writeRound(actor, current.id, async (tx) => {
      const { round, participation } = await this.repo.roundState(tx, current.id, actor.organisation.id);
      if (round?.revealedAt)
        throw conflict('round_revealed', 'This round has been revealed; start a new round to answer again.');
      if (participation?.submittedAt)
        throw conflict('already_submitted', 'Your organisation has submitted this round.');
      const row = await this.repo.upsertRating(tx, {
        roundId: current.id,
        organisationId: actor.organisation.id,
        topicId,
        rating: typeof body.rating === 'number' ? body.rating : null,
        notRelevant: body.rating === 'nr',
        answer: body.answer ?? null,
      });
      return toAnswer(row);
    });
  }

  async submit(actor: OrganisationActor, collaborationId: string): Promise<{ revealed: boolean }> {
    await this.access.write(actor, collaborationId);
    const current = await this.repo.currentRound(collaborationId);
    return this.writeRound(actor, current.id, async (tx) => {
      const { round, participation } = await this.repo.roundState(tx, current.id, actor.organisation.id);
      if (round?.revealedAt) throw conflict('round_revealed', 'This round has already been revealed.');
      if (participation?.submittedAt) return { revealed: false };
      await this.repo.markParticipation(tx, current.id, actor.organisation.id, { submittedAt: new Date() });
      return { revealed: await this.revealIfReady(tx, current.id, collaborationId) };
    });
  }

  async agreeToRevealEarly(
    actor: OrganisationActor,
    collaborationId: string,
  ): Promise<{ revealed: boolean }> {
    await this.access.write(actor, collaborationId);
    const current = await this.repo.currentRound(collaborationId);
    return this.writeRound(actor, current.id, async (tx) => {
      const { round } = await this.repo.roundState(tx, current.id, actor.organisation.id);
      if (round?.revealedAt) throw conflict('round_revealed', 'This round has already been revealed.');
      await this.repo.markParticipation(tx, current.id, actor.organisation.id, { earlyRevealAt: new Date() });
      return { revealed: await this.revealIfReady(tx, current.id, collaborationId) };
    });
  }

  async startRound(actor: OrganisationActor, collaborationId: string): Promise<void> {
    await this.access.write(actor, collaborationId);
    const current = await this.repo.currentRound(collaborationId);
    if (!current.revealedAt) {
      throw conflict(
        'round_open',
        'The current round has not been revealed yet. Finish it before starting a new one.',
      );
    }
    await this.repo.openRound(collaborationId, current.number + 1);
  }

  /** The acting organisation's writes to a round: one at a time, and never after its erasure. */
  private writeRound<T>(actor: OrganisationActor, roundId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.repo.transaction(async (tx) => {
      if (!(await holdOrganisation(tx, actor.organisation.id))) throw notFound('No such collaboration.');
      await this.repo.lockRound(tx, roundId);
      return work(tx);
    });
  }

  /** A round's ratings as the reader may see them: their own before the reveal, the revealed ones after. */
  private visibleRatings(round: RoundRow, organisationId: string) {
    return round.revealedAt
      ? this.repo.revealedRatings([round.id])
      : this.repo.ratings([round.id], organisationId);
  }

  /** Inside the round's lock: reveals it when the collaboration's partners now all submitted or agreed. */
  private async revealIfReady(tx: Tx, roundId: string, collaborationId: string): Promise<boolean> {
    const partners = await this.access.participants([collaborationId], tx);
    return this.repo.revealIfReady(
      tx,
      roundId,
      partners.map((p) => p.organisationId),
    );
  }

  /**
   * For other modules (the self-assessment): the rounds of a collaboration the acting organisation takes part
   * in, its active partners, and whether it may still be changed. Anyone else gets 404.
   */
  async roundAccess(actor: OrganisationActor, collaborationId: string) {
    const collaboration = await this.access.read(actor, collaborationId);
    const [participants, rounds] = await Promise.all([
      this.access.participants([collaborationId]),
      this.repo.rounds([collaborationId]),
    ]);
    return {
      archived: Boolean(collaboration.archivedAt),
      organisationIds: participants.map((p) => p.organisationId),
      rounds,
    };
  }

  /** For other modules' lifecycle hooks, inside their transaction. */
  roundsOf(collaborationId: string, tx: Tx): Promise<RoundRow[]> {
    return this.repo.rounds([collaborationId], tx);
  }
}
