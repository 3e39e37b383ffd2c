import type { Answer, Placement, RatingValue, Round } from '../../../contracts/collaborations.ts';
import { placeStage, type Rating, type RoundRatings, STAGE_ORDER } from '../../../domain/wheel/index.ts';
import type { ParticipationRow, RatingRow, RoundRow } from './repository.ts';

export function toPlacement(round: number, ratings: RoundRatings): Placement {
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

function ratingOf(row: RatingRow): RatingValue {
  if (row.notRelevant) return 'nr';
  return (row.rating as 1 | 2 | 3 | 4 | null) ?? null;
}

export function toAnswer(row: RatingRow): Answer {
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

export function toRound(
  round: RoundRow,
  organisationIds: string[],
  participation: ParticipationRow[],
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
