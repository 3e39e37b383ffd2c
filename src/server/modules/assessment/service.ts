import type { AssessmentView, SaveAssessmentBody } from '../../../contracts/assessment.ts';
import {
  type AssessmentAnswers,
  type Likert,
  meanAnswers,
  placeOnContinuum,
  statementDifferences,
} from '../../../domain/assessment/index.ts';
import { assessment } from '../../../domain/instrument/assessment.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import type { WheelService } from '../wheel/service.ts';
import type { AssessmentAnswerRow, AssessmentRepository } from './repository.ts';

const ITEMS = new Map(assessment.items.map((i) => [i.id, i]));

export class AssessmentService {
  constructor(
    private readonly repo: AssessmentRepository,
    private readonly wheel: WheelService,
  ) {}

  /** The self-assessment of a round: your own answers always, partners' and the results only after the reveal. */
  async view(
    actor: OrganisationActor,
    collaborationId: string,
    roundNumber?: number,
  ): Promise<AssessmentView> {
    const access = await this.wheel.roundAccess(actor, collaborationId);
    const round = roundNumber ? access.rounds.find((r) => r.number === roundNumber) : access.rounds.at(-1);
    if (!round) throw notFound('No such round.');
    const revealed = Boolean(round.revealedAt);
    const us = actor.organisation.id;
    const revealedRounds = access.rounds.filter((r) => r.revealedAt);
    const [storedAnswers, storedAmbitions, participation, historyAnswers] = await Promise.all([
      this.repo.answers([round.id], revealed ? undefined : us),
      this.repo.ambitions(round.id, revealed ? undefined : us),
      this.repo.participation(round.id),
      this.repo.answers(revealedRounds.map((r) => r.id)),
    ]);
    // After the reveal: the partners taking part, and a partner that left only if it had submitted. A partner
    // that left before submitting keeps its drafts to itself.
    const shown = new Set([
      ...access.organisationIds,
      ...participation.filter((p) => p.assessmentSubmittedAt).map((p) => p.organisationId),
    ]);
    const answers = storedAnswers.filter((a) => a.organisationId === us || shown.has(a.organisationId));
    const ambitions = storedAmbitions.filter((a) => a.organisationId === us || shown.has(a.organisationId));
    const visible = (organisationId: string) => revealed || organisationId === us;
    const partnership = access.organisationIds.filter(visible).map((organisationId) => ({
      organisationId,
      ambition: participation.find((p) => p.organisationId === organisationId)?.partnershipAmbition ?? null,
    }));

    let results: AssessmentView['results'] = null;
    if (revealed) {
      const byOrg = access.organisationIds.map((organisationId) =>
        toAnswers(answers.filter((a) => a.organisationId === organisationId)),
      );
      const mean = meanAnswers(byOrg);
      const statements = assessment.items.map((item) => {
        const values = answers.filter((a) => a.itemId === item.id).map((a) => a.value);
        const answered = values.filter((v): v is number => v !== null);
        const distribution = [1, 2, 3, 4, 5].map((n) => answered.filter((v) => v === n).length);
        return {
          itemId: item.id,
          component: item.component,
          domain: item.domain,
          mean: answered.length ? answered.reduce((s, v) => s + v, 0) / answered.length : null,
          distribution: [...distribution, access.organisationIds.length - answered.length],
        };
      });
      const domains = assessment.domains.map((d) => {
        const items = assessment.items.filter((i) => i.domain === d.id);
        const meanOf = (source: Partial<Record<string, number | null>>) => {
          const values = items
            .map((i) => source[i.component])
            .filter((v): v is number => typeof v === 'number');
          return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
        };
        return {
          domain: d.id,
          byOrganisation: Object.fromEntries(access.organisationIds.map((o, k) => [o, meanOf(byOrg[k]!)])),
          mean: meanOf(mean),
        };
      });
      const ambitionsSet = new Set(partnership.map((p) => p.ambition).filter(Boolean));
      results = {
        statements,
        domains,
        differences: statementDifferences(byOrg).map((d) => ({ ...d, topics: [...d.topics] })),
        continuum: {
          joint: placeOnContinuum(mean),
          byOrganisation: access.organisationIds.map((organisationId, k) => ({
            organisationId,
            placement: placeOnContinuum(byOrg[k]!),
          })),
        },
        ambitionMismatch: ambitionsSet.size > 1,
      };
    }

    return {
      round: { number: round.number, revealedAt: round.revealedAt?.toISOString() ?? null },
      rounds: access.rounds.map((r) => ({ number: r.number, revealed: Boolean(r.revealedAt) })),
      status: access.organisationIds.map((organisationId) => ({
        organisationId,
        submitted: Boolean(
          participation.find((p) => p.organisationId === organisationId)?.assessmentSubmittedAt,
        ),
      })),
      answers: answers.map((a) => ({
        organisationId: a.organisationId,
        itemId: a.itemId,
        value: a.value as Likert | null,
      })),
      ambitions: ambitions.map((a) => ({
        organisationId: a.organisationId,
        level: a.level,
        text: a.text,
        priority: a.priority,
      })),
      partnershipAmbitions: partnership,
      editable: !revealed && !access.archived && round.number === access.rounds.at(-1)?.number,
      results,
      history: revealedRounds.map((r) => ({
        round: r.number,
        position: placeOnContinuum(
          meanAnswers(
            access.organisationIds.map((o) =>
              toAnswers(historyAnswers.filter((a) => a.roundId === r.id && a.organisationId === o)),
            ),
          ),
        ).position,
      })),
    };
  }

  /** Saves a draft of the current round; allowed until the round is revealed. */
  async save(
    actor: OrganisationActor,
    collaborationId: string,
    body: SaveAssessmentBody,
  ): Promise<AssessmentView> {
    const round = await this.openRound(actor, collaborationId);
    const unknown = Object.keys(body.answers ?? {}).filter((id) => !ITEMS.has(id));
    if (unknown.length) {
      throw badRequest(
        'invalid_input',
        'Unknown statements.',
        unknown.map((id) => ({
          field: `answers.${id}`,
          message: 'is not a statement of the self-assessment',
        })),
      );
    }
    const saved = await this.repo.save(round.id, actor.organisation.id, {
      answers: Object.entries(body.answers ?? {}).map(([itemId, value]) => ({
        itemId,
        value: value ?? null,
      })),
      ambitions: Object.entries(body.ambitions ?? {}).map(([level, a]) => ({
        level: level as 'individual' | 'organisation' | 'society',
        text: a?.text ?? null,
        priority: a?.priority ?? null,
      })),
      partnershipAmbition: body.partnershipAmbition,
    });
    if (!saved) throw notFound('No such collaboration.');
    return this.view(actor, collaborationId);
  }

  async submit(actor: OrganisationActor, collaborationId: string): Promise<AssessmentView> {
    const round = await this.openRound(actor, collaborationId);
    if (!(await this.repo.submit(round.id, actor.organisation.id))) throw notFound('No such collaboration.');
    return this.view(actor, collaborationId);
  }

  private async openRound(actor: OrganisationActor, collaborationId: string) {
    const access = await this.wheel.roundAccess(actor, collaborationId);
    if (access.archived)
      throw conflict('archived', 'This collaboration has been archived and can only be read.');
    const round = access.rounds.at(-1)!;
    if (round.revealedAt)
      throw conflict('round_revealed', 'This round has been revealed; start a new round to answer again.');
    return round;
  }
}

function toAnswers(rows: AssessmentAnswerRow[]): AssessmentAnswers {
  const out: AssessmentAnswers = {};
  for (const row of rows) {
    const item = ITEMS.get(row.itemId);
    if (item) out[item.component] = row.value as Likert | null;
  }
  return out;
}
