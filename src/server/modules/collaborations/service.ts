import type { FastifyBaseLogger } from 'fastify';
import type {
  Action,
  Agreement,
  Answer,
  CollaborationInvitationPreview,
  CollaborationSummary,
  CreateActionBody,
  CreateAgreementBody,
  CreateCollaborationBody,
  Placement,
  RatingValue,
  Round,
  SaveAnswerBody,
  UpdateActionBody,
  UpdateAgreementBody,
  UpdateCollaborationBody,
  Workspace,
} from '../../../contracts/collaborations.ts';
import type { OrganisationType } from '../../../contracts/organisations.ts';
import type { Locale } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import {
  placeStage,
  proposeAgenda,
  type Rating,
  type RoundRatings,
  STAGE_ORDER,
  timelinePoint,
} from '../../../domain/wheel/index.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { keyedHash, newSecret } from '../../http/secrets.ts';
import { renderRoundReport } from './report.ts';
import type {
  ActionRow,
  AgreementRow,
  CollaborationRow,
  CollaborationsRepository,
  RatingRow,
  RoundRow,
} from './repository.ts';

const INVITATION_DAYS = 14;
const TOPIC_IDS = new Set(wheel.topics.map((t) => t.id));
const today = () => new Date().toISOString().slice(0, 10);

export class CollaborationsService {
  constructor(
    private readonly repo: CollaborationsRepository,
    private readonly deps: { secret: string; publicUrl: string; log: FastifyBaseLogger },
  ) {}

  async create(actor: OrganisationActor, body: CreateCollaborationBody): Promise<Workspace> {
    const row = await this.repo.create({
      name: body.name,
      purpose: body.purpose ?? null,
      startDate: body.startDate ?? null,
      ambition: body.ambition,
      createdByOrganisationId: actor.organisation.id,
    });
    return this.workspace(actor, row.id);
  }

  async list(actor: OrganisationActor): Promise<CollaborationSummary[]> {
    const rows = await this.repo.listForOrganisation(actor.organisation.id);
    const ids = rows.map((r) => r.id);
    const [participants, allRounds, allActions] = await Promise.all([
      this.repo.participants(ids),
      this.repo.rounds(ids),
      this.repo.actions(ids),
    ]);
    const current = new Map<string, RoundRow>();
    const lastRevealed = new Map<string, RoundRow>();
    for (const r of allRounds) {
      current.set(r.collaborationId, r);
      if (r.revealedAt) lastRevealed.set(r.collaborationId, r);
    }
    const [participation, revealedRatings] = await Promise.all([
      this.repo.participation([...current.values()].map((r) => r.id)),
      this.repo.ratings([...lastRevealed.values()].map((r) => r.id)),
    ]);
    return rows.map((c) => {
      const round = current.get(c.id)!;
      const revealed = lastRevealed.get(c.id);
      return {
        ...toCollaboration(c),
        partners: participants.filter((p) => p.collaborationId === c.id).map(toParticipant),
        round: round.number,
        roundRevealed: Boolean(round.revealedAt),
        weSubmitted: participation.some(
          (p) => p.roundId === round.id && p.organisationId === actor.organisation.id && p.submittedAt,
        ),
        stage: revealed
          ? placeStage(toRoundRatings(revealedRatings.filter((r) => r.roundId === revealed.id))).stage
          : null,
        openActions: allActions.filter((a) => a.collaborationId === c.id && !a.doneAt).length,
      };
    });
  }

  /** Everything the wheel page needs, in one answer; other partners' answers only from revealed rounds. */
  async workspace(actor: OrganisationActor, collaborationId: string): Promise<Workspace> {
    const collaboration = await this.participating(actor, collaborationId);
    const [participants, rounds, agreements, actions] = await Promise.all([
      this.repo.participants([collaborationId]),
      this.repo.rounds([collaborationId]),
      this.repo.agreements(collaborationId),
      this.repo.actions([collaborationId]),
    ]);
    const current = rounds.at(-1)!;
    const revealedRounds = rounds.filter((r) => r.revealedAt);
    const [participation, revealedRatings, ownCurrent] = await Promise.all([
      this.repo.participation([current.id]),
      this.repo.ratings(revealedRounds.map((r) => r.id)),
      current.revealedAt ? Promise.resolve([]) : this.repo.ratings([current.id], actor.organisation.id),
    ]);
    const ratingsOf = (round: RoundRow) =>
      round.revealedAt ? revealedRatings.filter((r) => r.roundId === round.id) : ownCurrent;
    const latestRevealed = revealedRounds.at(-1);
    const previous = [...revealedRounds].reverse().find((r) => r.number < current.number) ?? null;

    let placement: Placement | null = null;
    let agenda: Workspace['agenda'] = [];
    if (latestRevealed) {
      const roundRatings = toRoundRatings(ratingsOf(latestRevealed));
      placement = toPlacement(latestRevealed.number, roundRatings);
      agenda = proposeAgenda(
        roundRatings,
        actions.map((a) => ({ topicId: a.topicId, dueDate: a.dueDate, done: Boolean(a.doneAt) })),
        today(),
      ).map((item) => ({ topicId: item.topicId, reason: item.reason })) as Workspace['agenda'];
    }

    const memberOrgs = participants.map((p) => p.organisationId);
    return {
      collaboration: toCollaboration(collaboration),
      us: {
        organisationId: actor.organisation.id,
        admin: actor.organisation.role === 'admin',
        creator: collaboration.createdByOrganisationId === actor.organisation.id,
      },
      participants: participants.map(toParticipant),
      rounds: rounds.map((r) => ({
        number: r.number,
        startedAt: r.startedAt.toISOString(),
        revealedAt: r.revealedAt?.toISOString() ?? null,
      })),
      currentRound: toRound(current, memberOrgs, participation, ratingsOf(current)),
      previousRound: previous ? toRound(previous, memberOrgs, [], ratingsOf(previous)) : null,
      placement,
      agenda,
      agreements: agreements.map(toAgreement),
      actions: sortActions(actions.map(toAction)),
      timeline: revealedRounds.map((r) => timelinePoint(r.number, toRoundRatings(ratingsOf(r)))),
    };
  }

  async round(actor: OrganisationActor, collaborationId: string, number: number): Promise<Round> {
    await this.participating(actor, collaborationId);
    const [participants, rounds] = await Promise.all([
      this.repo.participants([collaborationId]),
      this.repo.rounds([collaborationId]),
    ]);
    const round = rounds.find((r) => r.number === number);
    if (!round) throw notFound('No such round.');
    const [participation, answers] = await Promise.all([
      this.repo.participation([round.id]),
      this.repo.ratings([round.id], round.revealedAt ? undefined : actor.organisation.id),
    ]);
    return toRound(
      round,
      participants.map((p) => p.organisationId),
      participation,
      answers,
    );
  }

  /** The round report as a PDF; an unrevealed round carries only the reader's own organisation's answers. */
  async report(
    actor: OrganisationActor,
    collaborationId: string,
    number: number,
    lang: Locale,
  ): Promise<Buffer> {
    const collaboration = await this.participating(actor, collaborationId);
    const [participants, rounds, agreements, actions] = await Promise.all([
      this.repo.participants([collaborationId]),
      this.repo.rounds([collaborationId]),
      this.repo.agreements(collaborationId),
      this.repo.actions([collaborationId]),
    ]);
    const round = rounds.find((r) => r.number === number);
    if (!round) throw notFound('No such round.');
    const rows = await this.repo.ratings([round.id], round.revealedAt ? undefined : actor.organisation.id);
    return renderRoundReport(
      {
        collaboration: { name: collaboration.name, purpose: collaboration.purpose },
        participants,
        round: { number: round.number, revealedAt: round.revealedAt?.toISOString() ?? null },
        answers: rows.map(toAnswer),
        placement: round.revealedAt ? toPlacement(round.number, toRoundRatings(rows)) : null,
        agreements: agreements.map(toAgreement),
        actions: sortActions(actions.map(toAction)),
      },
      lang,
    );
  }

  async update(actor: OrganisationActor, collaborationId: string, body: UpdateCollaborationBody) {
    const collaboration = await this.writable(actor, collaborationId);
    await this.repo.update(collaboration.id, body);
    return this.workspace(actor, collaborationId);
  }

  async archive(actor: OrganisationActor, collaborationId: string): Promise<void> {
    const collaboration = await this.writable(actor, collaborationId);
    if (
      collaboration.createdByOrganisationId !== actor.organisation.id ||
      actor.organisation.role !== 'admin'
    ) {
      throw forbidden('Only an admin of the organisation that started the collaboration can archive it.');
    }
    await this.repo.update(collaboration.id, { archivedAt: new Date() });
  }

  async leave(actor: OrganisationActor, collaborationId: string): Promise<void> {
    await this.participating(actor, collaborationId);
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin can take your organisation out of a collaboration.');
    const rounds = await this.repo.rounds([collaborationId]);
    const current = rounds.at(-1)!;
    await this.repo.withLockedRound(current.id, async (tx) => {
      await this.repo.leave(tx, collaborationId, actor.organisation.id);
      // The partners left behind may all have submitted already.
      await this.repo.revealIfReady(tx, current.id, collaborationId);
    });
  }

  async saveAnswer(actor: OrganisationActor, collaborationId: string, topicId: string, body: SaveAnswerBody) {
    if (!TOPIC_IDS.has(topicId)) throw notFound('No such topic in the wheel.');
    await this.writable(actor, collaborationId);
    const current = await this.currentRound(collaborationId);
    return this.repo.withLockedRound(current.id, async (tx) => {
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
    await this.writable(actor, collaborationId);
    const current = await this.currentRound(collaborationId);
    return this.repo.withLockedRound(current.id, async (tx) => {
      const { round, participation } = await this.repo.roundState(tx, current.id, actor.organisation.id);
      if (round?.revealedAt) throw conflict('round_revealed', 'This round has already been revealed.');
      if (participation?.submittedAt) return { revealed: false };
      await this.repo.markParticipation(tx, current.id, actor.organisation.id, { submittedAt: new Date() });
      return { revealed: await this.repo.revealIfReady(tx, current.id, collaborationId) };
    });
  }

  async agreeToRevealEarly(
    actor: OrganisationActor,
    collaborationId: string,
  ): Promise<{ revealed: boolean }> {
    await this.writable(actor, collaborationId);
    const current = await this.currentRound(collaborationId);
    return this.repo.withLockedRound(current.id, async (tx) => {
      const { round } = await this.repo.roundState(tx, current.id, actor.organisation.id);
      if (round?.revealedAt) throw conflict('round_revealed', 'This round has already been revealed.');
      await this.repo.markParticipation(tx, current.id, actor.organisation.id, { earlyRevealAt: new Date() });
      return { revealed: await this.repo.revealIfReady(tx, current.id, collaborationId) };
    });
  }

  async startRound(actor: OrganisationActor, collaborationId: string): Promise<Workspace> {
    await this.writable(actor, collaborationId);
    const current = await this.currentRound(collaborationId);
    if (!current.revealedAt) {
      throw conflict(
        'round_open',
        'The current round has not been revealed yet. Finish it before starting a new one.',
      );
    }
    await this.repo.startRound(collaborationId, current.number + 1);
    return this.workspace(actor, collaborationId);
  }

  async invite(actor: OrganisationActor, collaborationId: string) {
    await this.writable(actor, collaborationId);
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin can invite a partner organisation.');
    const secret = newSecret();
    const row = await this.repo.createInvitation({
      collaborationId,
      tokenHash: keyedHash(this.deps.secret, secret),
      invitedByOrganisationId: actor.organisation.id,
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    this.deps.log.info(
      { event: 'collaboration.invitation.created', invitationId: row.id, collaborationId },
      'partner invitation created; link shown to the admin who made it',
    );
    return {
      link: `${this.deps.publicUrl}/partner-invitations/${secret}`,
      expiresAt: row.expiresAt.toISOString(),
    };
  }

  async previewInvitation(token: string): Promise<CollaborationInvitationPreview> {
    const found = await this.repo.findInvitationByHash(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
    return {
      collaborationName: found.collaborationName,
      invitedBy: found.invitedBy,
      expiresAt: new Date(found.expiresAt).toISOString(),
      status: invitationStatus(found),
    };
  }

  /** An admin accepts for the organisation they act for; it joins the collaboration. */
  async answerInvitation(actor: OrganisationActor, token: string, accept: boolean): Promise<string> {
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin of your organisation can answer this invitation.');
    const found = await this.repo.findInvitationByHash(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
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

  async createAgreement(
    actor: OrganisationActor,
    collaborationId: string,
    body: CreateAgreementBody,
  ): Promise<Agreement> {
    assertTopic(body.topicId);
    await this.writable(actor, collaborationId);
    const row = await this.repo.createAgreement({
      collaborationId,
      topicId: body.topicId,
      text: body.text,
      agreedBy: body.agreedBy ?? null,
      agreedOn: body.agreedOn ?? today(),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    return toAgreement(row);
  }

  async updateAgreement(
    actor: OrganisationActor,
    collaborationId: string,
    id: string,
    body: UpdateAgreementBody,
  ) {
    await this.writable(actor, collaborationId);
    const { version, ...values } = body;
    const row = await this.repo.updateAgreement(collaborationId, id, version, {
      ...values,
      updatedBy: actor.userId,
    });
    if (row) return toAgreement(row);
    const current = await this.repo.findAgreement(collaborationId, id);
    if (!current) throw notFound('No such agreement.');
    // Someone saved in between: nothing is overwritten; the editor gets the current text to merge by hand.
    throw new AppError(
      409,
      'edit_conflict',
      'Someone else changed this agreement while you were editing it.',
      [{ field: 'version', message: `the current version is ${current.version}` }],
    ).withBody({ current: toAgreement(current) });
  }

  async deleteAgreement(actor: OrganisationActor, collaborationId: string, id: string): Promise<void> {
    await this.writable(actor, collaborationId);
    if (!(await this.repo.deleteAgreement(collaborationId, id))) throw notFound('No such agreement.');
  }

  async actions(actor: OrganisationActor, collaborationId: string): Promise<Action[]> {
    await this.participating(actor, collaborationId);
    return sortActions((await this.repo.actions([collaborationId])).map(toAction));
  }

  async createAction(
    actor: OrganisationActor,
    collaborationId: string,
    body: CreateActionBody,
  ): Promise<Action> {
    assertTopic(body.topicId);
    await this.writable(actor, collaborationId);
    const row = await this.repo.createAction({
      collaborationId,
      topicId: body.topicId,
      text: body.text,
      owner: body.owner ?? null,
      dueDate: body.dueDate ?? null,
      createdBy: actor.userId,
    });
    return toAction(row);
  }

  async updateAction(actor: OrganisationActor, collaborationId: string, id: string, body: UpdateActionBody) {
    await this.writable(actor, collaborationId);
    const { done, ...values } = body;
    const row = await this.repo.updateAction(collaborationId, id, {
      ...values,
      ...(done === undefined ? {} : { doneAt: done ? new Date() : null }),
    });
    if (!row) throw notFound('No such action.');
    return toAction(row);
  }

  async deleteAction(actor: OrganisationActor, collaborationId: string, id: string): Promise<void> {
    await this.writable(actor, collaborationId);
    if (!(await this.repo.deleteAction(collaborationId, id))) throw notFound('No such action.');
  }

  /**
   * For other modules (the self-assessment): the rounds of a collaboration the acting organisation takes part
   * in, its active partners, and whether it may still be changed. Anyone else gets 404.
   */
  async roundAccess(actor: OrganisationActor, collaborationId: string) {
    const collaboration = await this.participating(actor, collaborationId);
    const [participants, rounds] = await Promise.all([
      this.repo.participants([collaborationId]),
      this.repo.rounds([collaborationId]),
    ]);
    return {
      archived: Boolean(collaboration.archivedAt),
      organisationIds: participants.map((p) => p.organisationId),
      rounds: rounds.map((r) => ({ id: r.id, number: r.number, revealedAt: r.revealedAt })),
    };
  }

  /** The collaboration when the acting organisation takes part in it; anyone else gets 404. */
  private async participating(actor: OrganisationActor, collaborationId: string): Promise<CollaborationRow> {
    const row = await this.repo.findForParticipant(collaborationId, actor.organisation.id);
    if (!row) throw notFound('Collaboration not found.');
    return row;
  }

  private async writable(actor: OrganisationActor, collaborationId: string): Promise<CollaborationRow> {
    const row = await this.participating(actor, collaborationId);
    if (row.archivedAt)
      throw conflict('archived', 'This collaboration has been archived and can only be read.');
    return row;
  }

  private async currentRound(collaborationId: string): Promise<RoundRow> {
    return (await this.repo.rounds([collaborationId])).at(-1)!;
  }
}

function toPlacement(round: number, ratings: RoundRatings): Placement {
  const p = placeStage(ratings);
  return {
    round,
    stage: p.stage,
    ringsInPlace: STAGE_ORDER.filter((s) => p.rings[s].inPlace),
    notYetInPlace: p.notYetInPlace,
    gaps: p.gaps,
    inPlace: Object.values(p.topics)
      .filter((t) => t.inPlace)
      .map((t) => t.topicId),
  };
}

function assertTopic(topicId: string): void {
  if (!TOPIC_IDS.has(topicId)) {
    throw badRequest('invalid_input', 'Unknown topic.', [
      { field: 'topicId', message: 'is not a topic of the wheel' },
    ]);
  }
}

function invitationStatus(row: {
  acceptedAt: Date | null;
  declinedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.declinedAt) return 'declined' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (new Date(row.expiresAt).getTime() <= Date.now()) return 'expired' as const;
  return 'open' as const;
}

function ratingOf(row: RatingRow): RatingValue {
  if (row.notRelevant) return 'nr';
  return (row.rating as 1 | 2 | 3 | 4 | null) ?? null;
}

function toAnswer(row: RatingRow): Answer {
  return {
    organisationId: row.organisationId,
    topicId: row.topicId,
    rating: ratingOf(row),
    answer: row.answer,
  };
}

export function toRoundRatings(rows: RatingRow[]): RoundRatings {
  const out: RoundRatings = {};
  for (const row of rows) {
    const rating = ratingOf(row);
    if (rating === null) continue;
    out[row.topicId] ??= {};
    out[row.topicId]![row.organisationId] = rating as Rating;
  }
  return out;
}

function toRound(
  round: RoundRow,
  organisationIds: string[],
  participation: {
    roundId: string;
    organisationId: string;
    submittedAt: Date | null;
    earlyRevealAt: Date | null;
  }[],
  answers: RatingRow[],
): Round {
  return {
    number: round.number,
    startedAt: round.startedAt.toISOString(),
    revealedAt: round.revealedAt?.toISOString() ?? null,
    revealReason: round.revealReason ?? null,
    status: organisationIds.map((organisationId) => {
      const p = participation.find((x) => x.roundId === round.id && x.organisationId === organisationId);
      return { organisationId, submitted: Boolean(p?.submittedAt), earlyReveal: Boolean(p?.earlyRevealAt) };
    }),
    answers: answers.filter((a) => a.roundId === round.id).map(toAnswer),
  };
}

function toCollaboration(row: CollaborationRow) {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    startDate: row.startDate,
    ambition: row.ambition,
    createdByOrganisationId: row.createdByOrganisationId,
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

function toParticipant(row: { organisationId: string; name: string; type: string; joinedAt: Date }) {
  return {
    organisationId: row.organisationId,
    name: row.name,
    type: row.type as OrganisationType,
    joinedAt: new Date(row.joinedAt).toISOString(),
  };
}

function toAgreement(row: AgreementRow): Agreement {
  return {
    id: row.id,
    topicId: row.topicId,
    text: row.text,
    agreedBy: row.agreedBy,
    agreedOn: row.agreedOn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    topicId: row.topicId,
    text: row.text,
    owner: row.owner,
    dueDate: row.dueDate,
    done: Boolean(row.doneAt),
    overdue: !row.doneAt && Boolean(row.dueDate && row.dueDate < today()),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Open before done; overdue first; then by due date (none last). */
function sortActions(list: Action[]): Action[] {
  return [...list].sort(
    (a, b) =>
      Number(a.done) - Number(b.done) ||
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
