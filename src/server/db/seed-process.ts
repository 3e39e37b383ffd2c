import { and, eq } from 'drizzle-orm';
import type { CheckMoment, DeliverableContent, DeliverableId } from '../../domain/process/index.ts';
import type { Tx } from './client.ts';
import {
  collaborations,
  memberships,
  processCheckAnswers,
  processCheckParticipation,
  processCheckSets,
  processCycles,
  processDeliverables,
  processDeliverableVersions,
  processMeasurements,
  processPilots,
  processSignOffs,
} from './schema/index.ts';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Plan = {
  id: DeliverableId;
  /** Each version's content, oldest first; the last is current. */
  versions: DeliverableContent[];
  /** Organisations (by index) that signed off the current version. */
  signedBy: number[];
  /** When the last version was saved, in days before the demo is made. */
  daysAgo: number;
};

/**
 * "Leerwerkplekken in de bouw" (issue 12, point 8): Werkpoort, Van der Linden Bouw and the municipality went
 * through Mobilize and Co-develop (every deliverable agreed, one after a second version), answered the start
 * checks, and run a pilot that started two months ago; the implementation plan waits for the municipality.
 */
export async function seedDemoProcess(tx: Tx, orgIds: Record<string, string>): Promise<void> {
  const [collaboration] = await tx
    .select({ id: collaborations.id })
    .from(collaborations)
    .where(eq(collaborations.name, 'Leerwerkplekken in de bouw'));
  if (!collaboration) return;
  const orgs = ['Werkpoort Logistiek', 'Van der Linden Bouw', 'Gemeente Tilburg'].map((n) => orgIds[n]!);
  const people = await Promise.all(
    orgs.map(async (organisationId) => {
      const [m] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
      return m!.userId;
    }),
  );
  const [cycle] = await tx
    .insert(processCycles)
    .values({ collaborationId: collaboration.id, number: 1, startedAt: daysAgo(200) })
    .returning();
  const cycleId = cycle!.id;
  const [werkpoort, bouw, gemeente] = orgs as [string, string, string];

  const plans: Plan[] = [
    {
      id: 'problem-definition',
      versions: [
        { problem: 'Te weinig leerwerkplekken in de bouw voor mensen met een afstand tot de arbeidsmarkt.' },
        {
          problem:
            'Bouwbedrijven zoeken vakmensen, terwijl mensen bij Werkpoort geen plek vinden om het vak op de bouwplaats te leren.',
          rootCauses: [
            'Geen begeleiding op de bouwplaats',
            'Angst om de uitkering te verliezen bij de overstap',
            'Losse projecten zonder vervolg',
          ],
          voicesHeard:
            'Uitvoerders van Van der Linden, jobcoaches van Werkpoort, klantmanagers van de gemeente.',
          beneficiaryVoice: '“Ik wil een vak leren, maar ik wil niet terug naar af als het misgaat.”',
          inScope: ['Leerwerkplekken op bouwplaatsen in Tilburg', 'Begeleiding tijdens het eerste jaar'],
          outOfScope: ['Huisvesting', 'Schuldhulp (loopt via de gemeente)'],
        },
      ],
      signedBy: [0, 1, 2],
      daysAgo: 170,
    },
    {
      id: 'actors-map',
      versions: [
        {
          actors: [
            {
              name: 'Werkpoort Logistiek',
              onPlatform: 'yes',
              sector: 'social-enterprise',
              role: 'Opleiden en begeleiden',
              assets: 'Jobcoaches',
              influence: 'medium',
              interest: 'high',
              readiness: 'high',
            },
            {
              name: 'Van der Linden Bouw',
              onPlatform: 'yes',
              sector: 'company',
              role: 'Leerwerkplekken',
              assets: 'Bouwplaatsen, uitvoerders',
              influence: 'high',
              interest: 'high',
              readiness: 'medium',
            },
            {
              name: 'Gemeente Tilburg',
              onPlatform: 'yes',
              sector: 'government',
              role: 'Werkgeversdienstverlening',
              assets: 'Loonkostensubsidie',
              influence: 'high',
              interest: 'medium',
              readiness: 'medium',
            },
            {
              name: 'ROC Tilburg',
              onPlatform: 'no',
              sector: 'education',
              role: 'Vakopleiding',
              assets: 'BBL-trajecten',
              influence: 'medium',
              interest: 'medium',
              readiness: 'low',
            },
            {
              name: 'Deelnemers',
              onPlatform: 'no',
              sector: 'beneficiaries',
              role: 'Leren het vak',
              assets: 'Motivatie',
              influence: 'low',
              interest: 'high',
              readiness: 'medium',
            },
          ],
        },
      ],
      signedBy: [0, 1, 2],
      daysAgo: 160,
    },
    {
      id: 'key-impacts',
      versions: [
        {
          vision: 'Iedereen die het vak wil leren, krijgt een plek op de bouwplaats en een baan erna.',
          horizonYears: 3,
          individual: 'Een vak, een diploma en een vaste baan in de bouw.',
          organisation: 'Van der Linden vindt vakmensen; Werkpoort plaatst door.',
          society: 'Minder mensen in de bijstand en meer vakmensen in de regio.',
        },
      ],
      signedBy: [0, 1, 2],
      daysAgo: 150,
    },
    {
      id: 'project-organisation',
      versions: [
        {
          backbone: werkpoort,
          roles: [
            { person: 'Sanne de Vries', organisation: werkpoort, role: 'champion' },
            { person: 'Marco van der Linden', organisation: bouw, role: 'partner' },
            { person: 'Fatima Ouali', organisation: gemeente, role: 'evaluator' },
          ],
          meetingRhythm: 'Elke zes weken op de bouwplaats',
          decisionMaking: 'Samen, met instemming van alle drie; Werkpoort bereidt voor.',
        },
      ],
      signedBy: [0, 1, 2],
      daysAgo: 120,
    },
    {
      id: 'strategic-action-programme',
      versions: [
        {
          strategies: [
            'Leren op de bouwplaats met een vaste begeleider',
            'Zekerheid over inkomen bij de overstap',
          ],
          principles: ['Niemand valt terug', 'De deelnemer kiest mee'],
          activities: [
            { activity: 'Uitvoerders trainen in begeleiden', owner: bouw, byWhen: isoDay(daysAgo(60)) },
            {
              activity: 'Afspraak over terugvalgarantie uitkering',
              owner: gemeente,
              byWhen: isoDay(daysAgo(75)),
            },
          ],
          quickWins: ['Eerste drie plekken binnen een maand gevuld'],
        },
      ],
      signedBy: [0, 1, 2],
      daysAgo: 110,
    },
    {
      id: 'measurement-system',
      versions: [
        {
          indicators: [
            { name: 'Deelnemers op een leerwerkplek', unit: 'personen', baseline: 0, target: 10 },
            { name: 'Deelnemers met een contract na de pilot', unit: 'personen', baseline: 0, target: 6 },
          ],
          criteria: [
            {
              id: 'plekken',
              indicator: 'Deelnemers op een leerwerkplek',
              comparator: 'gte',
              threshold: 8,
              byWhen: isoDay(daysAgo(-60)),
            },
            {
              id: 'contract',
              indicator: 'Deelnemers met een contract na de pilot',
              comparator: 'gte',
              threshold: 5,
              byWhen: isoDay(daysAgo(-60)),
            },
            {
              id: 'uitval',
              indicator: 'Uitval (personen)',
              comparator: 'lte',
              threshold: 2,
              byWhen: isoDay(daysAgo(-60)),
            },
          ],
        },
      ],
      signedBy: [0, 1, 2],
      daysAgo: 100,
    },
    {
      id: 'implementation-plan',
      versions: [
        {
          budget: [
            { item: 'Begeleiding jobcoach', amount: 24000, fundedBy: 'Gemeente Tilburg' },
            { item: 'Werkkleding en gereedschap', amount: 3500, fundedBy: 'Van der Linden Bouw' },
          ],
          milestones: [
            { milestone: 'Start pilot', date: isoDay(daysAgo(60)) },
            { milestone: 'Tussenevaluatie', date: isoDay(daysAgo(-5)) },
            { milestone: 'Einde pilot', date: isoDay(daysAgo(-60)) },
          ],
          roles:
            'Werkpoort selecteert en begeleidt; Van der Linden leidt op; de gemeente regelt de inkomenszekerheid.',
          feedback: 'Elke twee weken een kort gesprek met elke deelnemer; elke zes weken met de partners.',
        },
      ],
      signedBy: [0, 1],
      daysAgo: 70,
    },
  ];

  for (const plan of plans) {
    const savedAt = daysAgo(plan.daysAgo);
    for (const [i, content] of plan.versions.entries()) {
      const at = new Date(savedAt.getTime() - (plan.versions.length - 1 - i) * 7 * DAY);
      await tx.insert(processDeliverableVersions).values({
        cycleId,
        deliverableId: plan.id,
        version: i + 1,
        content,
        changedAt: at,
        changedBy: people[0]!,
        organisationId: werkpoort,
      });
    }
    const version = plan.versions.length;
    await tx.insert(processDeliverables).values({
      cycleId,
      deliverableId: plan.id,
      version,
      content: plan.versions.at(-1)!,
      updatedAt: savedAt,
      updatedBy: people[0]!,
    });
    if (plan.signedBy.length)
      await tx.insert(processSignOffs).values(
        plan.signedBy.map((k) => ({
          cycleId,
          deliverableId: plan.id,
          organisationId: orgs[k]!,
          version,
          signedBy: people[k]!,
          signedAt: new Date(savedAt.getTime() + (k + 1) * DAY),
        })),
      );
  }

  // The start checks: answered by all three and revealed; trust was the one weak point.
  const moment: CheckMoment = 'start';
  const ratings: Record<string, [number, number, number]> = {
    'multiple-sectors': [4, 4, 4],
    'multiple-interventions': [3, 3, 4],
    'significant-problem': [4, 3, 4],
    'legitimacy-and-champion': [3, 3, 3],
    urgency: [4, 4, 3],
    resources: [3, 2, 3],
    trust: [3, 3, 2],
  };
  for (const [k, organisationId] of orgs.entries()) {
    await tx.insert(processCheckAnswers).values(
      Object.entries(ratings).map(([criterionId, r]) => ({
        cycleId,
        moment,
        organisationId,
        criterionId,
        rating: r[k]!,
        note:
          criterionId === 'resources' && k === 1
            ? 'Begeleiding op de bouwplaats kost uren die we nog niet hebben.'
            : null,
      })),
    );
    await tx
      .insert(processCheckParticipation)
      .values({ cycleId, moment, organisationId, submittedAt: daysAgo(190 - k) });
  }
  await tx
    .insert(processCheckSets)
    .values({ cycleId, moment, revealedAt: daysAgo(188), revealReason: 'all-submitted' });

  await tx.insert(processPilots).values({
    cycleId,
    title: 'Tien leerwerkplekken op twee bouwplaatsen',
    plan: 'Tien deelnemers werken vier dagen op de bouwplaats en leren één dag bij Werkpoort; elk heeft een vaste begeleider.',
    startsOn: isoDay(daysAgo(60)),
    endsOn: isoDay(daysAgo(-60)),
    participants:
      'Werkpoort (selectie, jobcoach), Van der Linden Bouw (twee uitvoerders), Gemeente Tilburg (klantmanager)',
    results: 'Na twee maanden werken negen van de tien deelnemers nog; één is gestopt om gezondheidsredenen.',
  });
  await tx.insert(processMeasurements).values({
    cycleId,
    criterionId: 'plekken',
    value: 9,
    note: 'Stand na twee maanden',
    measuredBy: people[0]!,
    measuredAt: daysAgo(3),
  });
}
