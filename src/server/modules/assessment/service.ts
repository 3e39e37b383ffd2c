import type { AssessmentView, SaveAssessmentBody } from '../../../contracts/assessment.ts';
import {
  type AssessmentAnswers,
  type Likert,
  meanAnswers,
  placeOnContinuum,
  statementDifferences,
} from '../../../domain/assessment/index.ts';
import { assessment } from '../../../domain/instrument/assessment.ts';
import type { Tx } from '../../db/client.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import type { CollaborationAccess } from '../collaborations/access.ts';
import type { CollaborationLifecycle } from '../collaborations/lifecycle.ts';
import type { WheelService } from '../wheel/service.ts';
import type { AssessmentAnswerRow, AssessmentRepository } from './repository.ts';

const ITEMS = new Map(assessment.items.map((i) => [i.id, i]));

export class AssessmentService {
  constructor(
    private readonly repo: AssessmentRepository,
    private readonly wheel: WheelService,
    private readonly access: CollaborationAccess,
  ) {}

  /** A partner leaving may complete the current self-assessment's reveal, as it may the wheel round's. */
  lifecycle(): CollaborationLifecycle {
    return {
      partnerLeft: async (tx, collaboration) => {
        if (collaboration.archived) return;
        const round = (await this.wheel.roundsOf(collaboration.id, tx)).at(-1);
        if (!round || round.assessmentRevealedAt) return;
        await this.repo.lock(tx, round.id);
        await this.revealIfReady(tx, round.id, collaboration.id);
      },
    };
  }

  /** The self-assessment of a round: your own answers always, partners' and the results only after the reveal. */
  async view(
    actor: OrganisationActor,
    collaborationId: string,
    roundNumber?: number,
  ): Promise<AssessmentView> {
    const access = await this.wheel.roundAccess(actor, collaborationId);
    const round = roundNumber ? access.rounds.find((r) => r.number === roundNumber) : access.rounds.at(-1);
    if (!round) throw notFound('No such round.');
    const revealed = Boolean(round.assessmentRevealedAt);
    const us = actor.organisation.id;
    const revealedRounds = access.rounds.filter((r) => r.assessmentRevealedAt);
    const [storedAnswers, storedAmbitions, participation, historyAnswers] = await Promise.all([
      this.repo.answers([round.id], revealed ? undefined : us),
      this.repo.ambitions(round.id, revealed ? undefined : us),
      this.repo.participation(round.id),
      this.repo.revealedAnswers(revealedRounds.map((r) => r.id)),
    ]);
    // After the reveal, only the organisations that took part in it (submitted, or chose to reveal early), also
    // one that has left since. Anyone else keeps its drafts to itself, a leaver as well as a late joiner.
    const inReveal = revealed ? revealedOrganisations(participation) : [];
    const shown = new Set([us, ...inReveal]);
    const answers = storedAnswers.filter((a) => shown.has(a.organisationId));
    const ambitions = storedAmbitions.filter((a) => shown.has(a.organisationId));
    const partnership = [...shown].map((organisationId) => ({
      organisationId,
      ambition: participation.find((p) => p.organisationId === organisationId)?.partnershipAmbition ?? null,
    }));

    let results: AssessmentView['results'] = null;
    if (revealed) {
      const byOrg = inReveal.map((organisationId) =>
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
          distribution: [...distribution, inReveal.length - answered.length],
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
          byOrganisation: Object.fromEntries(inReveal.map((o, k) => [o, meanOf(byOrg[k]!)])),
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
          byOrganisation: inReveal.map((organisationId, k) => ({
            organisationId,
            placement: placeOnContinuum(byOrg[k]!),
          })),
        },
        ambitionMismatch: ambitionsSet.size > 1,
      };
    }

    return {
      round: {
        number: round.number,
        revealedAt: round.assessmentRevealedAt?.toISOString() ?? null,
        revealReason: round.assessmentRevealReason,
      },
      rounds: access.rounds.map((r) => ({ number: r.number, revealed: Boolean(r.assessmentRevealedAt) })),
      status: access.organisationIds.map((organisationId) => {
        const p = participation.find((x) => x.organisationId === organisationId);
        return {
          organisationId,
          submitted: Boolean(p?.assessmentSubmittedAt),
          earlyReveal: Boolean(p?.assessmentEarlyRevealAt),
        };
      }),
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
      history: revealedRounds.map((r) => {
        const own = historyAnswers.filter((a) => a.roundId === r.id);
        const organisations = [...new Set(own.map((a) => a.organisationId))];
        return {
          round: r.number,
          position: placeOnContinuum(
            meanAnswers(organisations.map((o) => toAnswers(own.filter((a) => a.organisationId === o)))),
          ).position,
        };
      }),
    };
  }

  /** Saves a draft of the current round's self-assessment; allowed until it is revealed. */
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
    await this.write(actor, round.id, (tx) =>
      this.repo.save(tx, round.id, actor.organisation.id, toDraft(body)),
    );
    return this.view(actor, collaborationId);
  }

  /** Submits (saving what came with it first, so nothing on screen is lost); reveals when the rule is met. */
  async submit(
    actor: OrganisationActor,
    collaborationId: string,
    body?: SaveAssessmentBody,
  ): Promise<AssessmentView> {
    const round = await this.openRound(actor, collaborationId);
    await this.write(actor, round.id, async (tx) => {
      if (body) await this.repo.save(tx, round.id, actor.organisation.id, toDraft(body));
      await this.repo.mark(tx, round.id, actor.organisation.id, { assessmentSubmittedAt: new Date() });
      await this.revealIfReady(tx, round.id, collaborationId);
    });
    return this.view(actor, collaborationId);
  }

  /** Agrees to show this self-assessment before every partner submitted (RULES.md). */
  async revealEarly(actor: OrganisationActor, collaborationId: string): Promise<AssessmentView> {
    const round = await this.openRound(actor, collaborationId);
    await this.write(actor, round.id, async (tx) => {
      await this.repo.mark(tx, round.id, actor.organisation.id, { assessmentEarlyRevealAt: new Date() });
      await this.revealIfReady(tx, round.id, collaborationId);
    });
    return this.view(actor, collaborationId);
  }

  private async write<T>(actor: OrganisationActor, roundId: string, work: (tx: Tx) => Promise<T>) {
    const outcome = await this.repo.write(roundId, actor.organisation.id, work);
    if (outcome === 'erased') throw notFound('No such collaboration.');
    if (outcome === 'revealed')
      throw conflict(
        'assessment_revealed',
        'This self-assessment has been revealed; start a new round to answer it again.',
      );
    return outcome;
  }

  /** Inside the round's lock: the partners are read after it, as two may leave at the same moment. */
  private async revealIfReady(tx: Tx, roundId: string, collaborationId: string): Promise<boolean> {
    const partners = await this.access.participants([collaborationId], tx);
    return this.repo.revealIfReady(
      tx,
      roundId,
      partners.map((p) => p.organisationId),
    );
  }

  private async openRound(actor: OrganisationActor, collaborationId: string) {
    const access = await this.wheel.roundAccess(actor, collaborationId);
    if (access.archived)
      throw conflict('archived', 'This collaboration has been archived and can only be read.');
    const round = access.rounds.at(-1)!;
    if (round.assessmentRevealedAt)
      throw conflict(
        'assessment_revealed',
        'This self-assessment has been revealed; start a new round to answer it again.',
      );
    return round;
  }
}

/** Who took part in a revealed self-assessment: submitted, or chose to reveal early. */
function revealedOrganisations(
  participation: {
    organisationId: string;
    assessmentSubmittedAt: Date | null;
    assessmentEarlyRevealAt: Date | null;
  }[],
): string[] {
  return participation
    .filter((p) => p.assessmentSubmittedAt || p.assessmentEarlyRevealAt)
    .map((p) => p.organisationId);
}

function toDraft(body: SaveAssessmentBody) {
  return {
    answers: Object.entries(body.answers ?? {}).map(([itemId, value]) => ({ itemId, value: value ?? null })),
    ambitions: Object.entries(body.ambitions ?? {}).map(([level, a]) => ({
      level: level as 'individual' | 'organisation' | 'society',
      text: a?.text ?? null,
      priority: a?.priority ?? null,
    })),
    partnershipAmbition: body.partnershipAmbition,
  };
}

function toAnswers(rows: AssessmentAnswerRow[]): AssessmentAnswers {
  const out: AssessmentAnswers = {};
  for (const row of rows) {
    const item = ITEMS.get(row.itemId);
    if (item) out[item.component] = row.value as Likert | null;
  }
  return out;
}
