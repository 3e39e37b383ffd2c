import { and, eq, isNull, sql } from 'drizzle-orm';
import { assessment } from '../../domain/instrument/assessment.ts';
import { wheel } from '../../domain/instrument/wheel.ts';
import type { RoundCadence } from '../../domain/vocabulary.ts';
import { refreshAssessmentValues } from './assessment-values.ts';
import type { Db } from './client.ts';
import {
  actions,
  agreementApprovals,
  agreements,
  assessmentAnswers,
  collaborationParticipants,
  collaborations,
  ratings,
  roundParticipation,
  rounds,
} from './schema/index.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Level = 'low' | 'mid' | 'high';

/** A small deterministic generator, so the demo looks the same on every machine. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const PICK: Record<Level, number[]> = { low: [1, 1, 2, 2, 3], mid: [2, 3, 3, 3, 4], high: [3, 3, 4, 4, 4] };

type RoundPlan = {
  /** How far each ring is, per organisation; `override` pins single topics (for gaps). */
  levels: Record<'orientation' | 'integration' | 'transformation', Level>;
  override?: Record<string, number[]>;
  revealed: boolean;
  submittedBy?: number[];
  /** Self-assessment answers per organisation (by statement component), and each one's partnership ambition. */
  assessment?: {
    answers: (Record<string, number> | null)[];
    ambitions: ('transaction' | 'integration' | 'transformation')[];
  };
};

export type DemoCollaboration = {
  name: string;
  purpose: string;
  ambition: 'transaction' | 'integration' | 'transformation';
  startDate: string;
  organisations: string[];
  rounds: RoundPlan[];
  /** `approvedBy`: the organisations (by index in `organisations`) that agreed to the text. */
  agreements?: { topicId: string; text: string; agreedBy: string; agreedOn: string; approvedBy: number[] }[];
  actions?: { topicId: string; text: string; owner: string; dueDate: string | null; done?: boolean }[];
  /** The next conversation, this many days after the demo is made (so it is always ahead), and the cadence. */
  rhythm?: { inDays: number; place: string; link?: string; cadence: RoundCadence };
};

/** A day `days` from now at 14:00 in the Netherlands (13:00 UTC in winter): a plausible meeting time. */
function meetingIn(days: number): Date {
  const day = new Date(Date.now() + days * 86_400_000);
  day.setUTCHours(13, 0, 0, 0);
  return day;
}

const ANSWERS: Record<Level, string> = {
  low: 'Hier hebben we het nog niet echt over gehad.',
  mid: 'Deels; we merken dat het per project verschilt.',
  high: 'Ja, dit hebben we goed geregeld en we bespreken het geregeld.',
};

/** Seeds collaborations like those in the study: mostly transactional, some deepened, one with a municipality. */
export async function seedCollaborations(tx: Tx, plans: DemoCollaboration[], orgIds: Record<string, string>) {
  let seed = 7;
  for (const plan of plans) {
    const organisationIds = plan.organisations.map((name) => orgIds[name]!);
    const [collaboration] = await tx
      .insert(collaborations)
      .values({
        name: plan.name,
        purpose: plan.purpose,
        ambition: plan.ambition,
        startDate: plan.startDate,
        createdByOrganisationId: organisationIds[0]!,
        createdAt: new Date(`${plan.startDate}T09:00:00Z`),
        ...(plan.rhythm
          ? {
              nextConversationAt: meetingIn(plan.rhythm.inDays),
              nextConversationPlace: plan.rhythm.place,
              nextConversationLink: plan.rhythm.link ?? null,
              roundCadence: plan.rhythm.cadence,
            }
          : {}),
      })
      .returning();
    await tx
      .insert(collaborationParticipants)
      .values(
        organisationIds.map((organisationId) => ({ collaborationId: collaboration!.id, organisationId })),
      );
    for (const [index, roundPlan] of plan.rounds.entries()) {
      const started = new Date(Date.parse(`${plan.startDate}T09:00:00Z`) + index * 120 * 86_400_000);
      const [round] = await tx
        .insert(rounds)
        .values({
          collaborationId: collaboration!.id,
          number: index + 1,
          startedAt: started,
          revealedAt: roundPlan.revealed ? new Date(started.getTime() + 14 * 86_400_000) : null,
          revealReason: roundPlan.revealed ? 'all-submitted' : null,
          // A planned self-assessment is revealed with the wheel in the demo (everyone answered it).
          assessmentRevealedAt:
            roundPlan.revealed && roundPlan.assessment ? new Date(started.getTime() + 14 * 86_400_000) : null,
          assessmentRevealReason: roundPlan.revealed && roundPlan.assessment ? 'all-submitted' : null,
        })
        .returning();
      const random = generator(seed++);
      const answering = roundPlan.revealed ? organisationIds.map((_, i) => i) : (roundPlan.submittedBy ?? []);
      const rows = [];
      for (const orgIndex of answering) {
        for (const topic of wheel.topics) {
          const level = roundPlan.levels[topic.stage];
          const pinned = roundPlan.override?.[topic.id]?.[orgIndex];
          const options = PICK[level];
          const rating = pinned ?? options[Math.floor(random() * options.length)]!;
          rows.push({
            roundId: round!.id,
            organisationId: organisationIds[orgIndex]!,
            topicId: topic.id,
            rating,
            answer: ANSWERS[rating >= 3 ? (rating === 4 ? 'high' : 'mid') : 'low'],
          });
        }
        await tx.insert(roundParticipation).values({
          roundId: round!.id,
          organisationId: organisationIds[orgIndex]!,
          submittedAt: new Date(started.getTime() + 7 * 86_400_000),
        });
      }
      if (rows.length) await tx.insert(ratings).values(rows);
      if (roundPlan.assessment) {
        for (const [orgIndex, answers] of roundPlan.assessment.answers.entries()) {
          const organisationId = organisationIds[orgIndex]!;
          await tx
            .update(roundParticipation)
            .set({ partnershipAmbition: roundPlan.assessment.ambitions[orgIndex] })
            .where(
              and(
                eq(roundParticipation.roundId, round!.id),
                eq(roundParticipation.organisationId, organisationId),
              ),
            );
          if (!answers) continue;
          await tx.insert(assessmentAnswers).values(
            assessment.items.map((item) => ({
              roundId: round!.id,
              organisationId,
              itemId: item.id,
              value: answers[item.component] ?? null,
            })),
          );
          await refreshAssessmentValues(tx, round!.id, organisationId);
          await tx
            .update(roundParticipation)
            .set({
              assessmentSubmittedAt: new Date(started.getTime() + 7 * 86_400_000),
              partnershipAmbition: roundPlan.assessment.ambitions[orgIndex],
            })
            .where(
              and(
                eq(roundParticipation.roundId, round!.id),
                eq(roundParticipation.organisationId, organisationId),
              ),
            );
        }
      }
    }
    for (const { approvedBy, ...a } of plan.agreements ?? []) {
      const [agreement] = await tx
        .insert(agreements)
        .values({ collaborationId: collaboration!.id, ...a })
        .returning({ id: agreements.id });
      if (approvedBy.length)
        await tx.insert(agreementApprovals).values(
          approvedBy.map((k) => ({
            agreementId: agreement!.id,
            organisationId: organisationIds[k]!,
            approvedAt: new Date(`${a.agreedOn}T12:00:00Z`),
          })),
        );
    }
    for (const a of plan.actions ?? []) {
      await tx.insert(actions).values({
        collaborationId: collaboration!.id,
        topicId: a.topicId,
        text: a.text,
        owner: a.owner,
        dueDate: a.dueDate,
        doneAt: a.done ? new Date() : null,
      });
    }
  }
}

const transactional = (override: Record<string, number[]> = {}): RoundPlan => ({
  levels: { orientation: 'mid', integration: 'low', transformation: 'low' },
  // Partnership processes stay short of the Orientation ring: formed on personal contact, little laid down.
  override: { formation: [2, 2, 2], transparency: [2, 3, 2], ...override },
  revealed: true,
});

export const DEMO_COLLABORATIONS: DemoCollaboration[] = [
  {
    name: 'Inpakken en verzenden voor de bouw',
    purpose:
      'Werkpoort verzorgt de logistiek van bouwmaterialen; samen willen we meer mensen doorplaatsen naar de bouw.',
    ambition: 'integration',
    startDate: '2025-03-03',
    organisations: ['Werkpoort Logistiek', 'Van der Linden Bouw', 'Gemeente Tilburg'],
    rhythm: { inDays: 9, place: 'Werkpoort Logistiek, Tilburg', cadence: 'quarterly' },
    rounds: [
      {
        ...transactional({ equality: [4, 2, 3] }),
        // The two companies' answers come from the study cohort (seedStudyAssessments); the municipality's is its own.
        assessment: {
          answers: [
            null,
            null,
            {
              selection: 3,
              formation: 4,
              operation: 3,
              formalisation: 3,
              nature: 3,
              direction: 4,
              complementarity: 4,
              equivalency: 4,
              transaction: 3,
              reputation: 5,
              interaction: 4,
              synergy: 5,
            },
          ],
          ambitions: ['integration', 'transaction', 'integration'],
        },
      },
      {
        levels: { orientation: 'high', integration: 'mid', transformation: 'low' },
        override: { equality: [4, 1, 3], risk: [2, 2, 2], trust: [3, 2, 2] },
        revealed: true,
      },
      {
        levels: { orientation: 'high', integration: 'mid', transformation: 'low' },
        revealed: false,
        submittedBy: [1],
      },
    ],
    agreements: [
      {
        topicId: 'goals',
        text: 'Elk jaar plaatsen we samen minstens vier medewerkers door naar een baan in de bouw.',
        agreedBy: 'Sanne de Vries, Marco van der Linden',
        agreedOn: '2025-07-01',
        approvedBy: [0, 1],
      },
      {
        topicId: 'transparency',
        text: 'We delen elk kwartaal de planning en de bezetting.',
        agreedBy: 'Sanne de Vries, Marco van der Linden, Gemeente Tilburg',
        agreedOn: '2025-09-15',
        approvedBy: [0, 1, 2],
      },
    ],
    actions: [
      {
        topicId: 'equality',
        text: 'Gesprek over de prijsafspraken en wie welk risico draagt',
        owner: 'Marco',
        dueDate: '2025-10-01',
      },
      {
        topicId: 'risk',
        text: 'Overzicht maken van loonkostensubsidie en proefplaatsingen',
        owner: 'Gemeente Tilburg',
        dueDate: '2026-12-15',
      },
      {
        topicId: 'goals',
        text: 'Eerste twee kandidaten voorstellen',
        owner: 'Sanne',
        dueDate: '2025-06-01',
        done: true,
      },
    ],
  },
  {
    // Walked through the partnering process's Mobilize and Co-develop, with a pilot under way (seed-process.ts).
    name: 'Leerwerkplekken in de bouw',
    purpose:
      'Samen met de gemeente leerwerkplekken op de bouwplaats, met begeleiding, zodat mensen van Werkpoort een vak leren.',
    ambition: 'transformation',
    startDate: '2026-02-02',
    organisations: ['Werkpoort Logistiek', 'Van der Linden Bouw', 'Gemeente Tilburg'],
    rounds: [
      {
        levels: { orientation: 'high', integration: 'mid', transformation: 'low' },
        override: { trust: [3, 3, 2] },
        revealed: true,
      },
    ],
  },
  {
    name: 'Testwerk en beheer',
    purpose: 'CodeKracht test software voor Digitaal Vooruit.',
    ambition: 'transaction',
    startDate: '2025-01-15',
    organisations: ['CodeKracht', 'Digitaal Vooruit'],
    rounds: [transactional({ ambition: [4, 2] })],
    actions: [
      {
        topicId: 'ambition',
        text: 'Samen de impactdoelen opschrijven',
        owner: 'Mehmet',
        dueDate: '2026-02-01',
      },
    ],
  },
  {
    name: 'Lunch en catering',
    purpose: 'De Gastvrije Keuken verzorgt de lunch voor de drukkerij.',
    ambition: 'transaction',
    startDate: '2024-10-01',
    organisations: ['De Gastvrije Keuken', 'Drukkerij Hendriks'],
    rounds: [transactional()],
  },
  {
    name: 'Schoonmaak en onderhoud installaties',
    purpose: 'Facilitair Samen doet schoonmaak en eenvoudig onderhoud bij klanten van Klimaatwerk.',
    ambition: 'transaction',
    startDate: '2025-05-12',
    organisations: ['Facilitair Samen', 'Klimaatwerk Installaties'],
    rounds: [transactional({ 'willingness-to-invest': [4, 1] })],
  },
  {
    name: 'Herstel van werkkleding',
    purpose: 'Naad & Draad herstelt de werkkleding van de uitzendkrachten van PersoneelsPlan.',
    ambition: 'transaction',
    startDate: '2025-08-20',
    organisations: ['Naad & Draad', 'PersoneelsPlan'],
    rounds: [transactional()],
  },
  {
    name: 'Leerwerkplekken in de bouw',
    purpose: 'Bouwmaat Breda en Bouwgroep Zuid leiden samen mensen op voor werk op de bouwplaats.',
    ambition: 'integration',
    startDate: '2024-09-01',
    organisations: ['Bouwmaat Breda', 'Bouwgroep Zuid'],
    rounds: [
      transactional(),
      {
        levels: { orientation: 'high', integration: 'mid', transformation: 'low' },
        override: { flexibility: [4, 2] },
        revealed: true,
      },
    ],
  },
];

/**
 * The study's Figure 2 (n = 12, Likert 1–5) as answer counts per statement: all agree the resources are
 * complementary, three quarters rate transaction and reputation as important, about half are formalised, …
 */
export const FIGURE_2: Record<string, [number, number, number, number, number]> = {
  selection: [0, 2, 3, 5, 2],
  formation: [0, 1, 2, 6, 3],
  operation: [0, 1, 2, 6, 3],
  formalisation: [1, 3, 2, 4, 2],
  nature: [0, 2, 4, 4, 2],
  direction: [0, 2, 3, 5, 2],
  complementarity: [0, 0, 0, 7, 5],
  equivalency: [0, 1, 3, 6, 2],
  transaction: [0, 1, 2, 6, 3],
  reputation: [0, 1, 2, 5, 4],
  interaction: [0, 0, 0, 6, 6],
  synergy: [0, 0, 1, 5, 6],
};

/** Twelve respondents' answers whose counts per statement are exactly Figure 2's, spread over the organisations. */
export function figure2Respondents(): Record<string, number>[] {
  const respondents: Record<string, number>[] = Array.from({ length: 12 }, () => ({}));
  Object.entries(FIGURE_2).forEach(([component, counts], statementIndex) => {
    const values = counts.flatMap((count, i) => Array<number>(count).fill(i + 1));
    values.forEach((value, k) => {
      respondents[(k + statementIndex * 5) % 12]![component] = value;
    });
  });
  return respondents;
}

/** Gives twelve organisations a submitted self-assessment in round 1 of one of their collaborations. */
export async function seedStudyAssessments(tx: Tx, organisationIds: string[]): Promise<void> {
  const respondents = figure2Respondents();
  for (const [k, organisationId] of organisationIds.slice(0, 12).entries()) {
    const [row] = await tx
      .select({ roundId: rounds.id })
      .from(rounds)
      .innerJoin(
        collaborationParticipants,
        eq(collaborationParticipants.collaborationId, rounds.collaborationId),
      )
      .where(and(eq(collaborationParticipants.organisationId, organisationId), eq(rounds.number, 1)))
      .limit(1);
    if (!row) continue;
    await tx
      .insert(assessmentAnswers)
      .values(
        assessment.items.map((item) => ({
          roundId: row.roundId,
          organisationId,
          itemId: item.id,
          value: respondents[k]![item.component] ?? null,
        })),
      )
      .onConflictDoNothing();
    await refreshAssessmentValues(tx, row.roundId, organisationId);
    await tx
      .update(roundParticipation)
      .set({ assessmentSubmittedAt: new Date() })
      .where(
        and(
          eq(roundParticipation.roundId, row.roundId),
          eq(roundParticipation.organisationId, organisationId),
        ),
      );
    // Its partners chose to look at it together, so the self-assessment is revealed by the rule (RULES.md).
    await tx.execute(sql`
      insert into round_participation (round_id, organisation_id, assessment_early_reveal_at)
      select ${row.roundId}, p.organisation_id, now() from collaboration_participants p join rounds r on r.collaboration_id = p.collaboration_id
       where r.id = ${row.roundId} and p.organisation_id <> ${organisationId}
      on conflict (round_id, organisation_id) do update set assessment_early_reveal_at = coalesce(round_participation.assessment_early_reveal_at, excluded.assessment_early_reveal_at)`);
    await tx
      .update(rounds)
      .set({ assessmentRevealedAt: new Date(), assessmentRevealReason: 'early' })
      .where(and(eq(rounds.id, row.roundId), isNull(rounds.assessmentRevealedAt)));
  }
}
