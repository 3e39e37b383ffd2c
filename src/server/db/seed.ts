import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { count, inArray } from 'drizzle-orm';
import { planSnapshot } from '../../domain/disclosure/cohort.ts';
import { PROGRAMME_MINIMUM } from '../../domain/disclosure/release.ts';
import { assessment } from '../../domain/instrument/assessment.ts';
import { EMPLOYEE_BANDS } from '../../domain/vocabulary.ts';
import { ProgrammesRepository } from '../modules/programmes/repository.ts';
import type { Db } from './client.ts';
import {
  collaborationParticipants,
  memberships,
  organisations,
  platformRoles,
  programmeMembers,
  programmes,
  users,
} from './schema/index.ts';
import { DEMO_COLLABORATIONS, seedCollaborations, seedStudyAssessments } from './seed-collaborations.ts';
import { seedDemoLedger } from './seed-ledger.ts';
import { seedDemoProcess } from './seed-process.ts';

export const DEMO_PASSWORD = 'impactwheel-demo';

type SampleRow = {
  participant: number;
  type: 'WISE' | 'FPE';
  employees: (typeof EMPLOYEE_BANDS)[number];
  since: number;
};

/**
 * The study's sixteen enterprises; names, places and people are invented, the facts (type, main economic
 * activity as the Dutch sector name, size band and year) are the study's.
 */
const INVENTED: Record<
  number,
  { name: string; place: string; person: string; email: string; sector: { nl: string } }
> = {
  1: {
    name: 'Werkpoort Logistiek',
    place: 'Tilburg',
    person: 'Sanne de Vries',
    email: 'sanne@werkpoort.demo',
    sector: { nl: 'Logistieke dienstverlening' },
  },
  2: {
    name: 'CodeKracht',
    place: 'Utrecht',
    person: 'Mehmet Yilmaz',
    email: 'mehmet@codekracht.demo',
    sector: { nl: 'IT-dienstverlening' },
  },
  3: {
    name: 'Assemblage Oost',
    place: 'Enschede',
    person: 'Ingrid Bakker',
    email: 'ingrid@assemblage-oost.demo',
    sector: { nl: 'Assemblage van elektronica' },
  },
  4: {
    name: 'Bouwmaat Breda',
    place: 'Breda',
    person: 'Youssef El Amrani',
    email: 'youssef@bouwmaat.demo',
    sector: { nl: 'Bouwdiensten' },
  },
  5: {
    name: 'Naad & Draad',
    place: 'Rotterdam',
    person: 'Fleur Jansen',
    email: 'fleur@naadendraad.demo',
    sector: { nl: 'Textielherstel' },
  },
  6: {
    name: 'De Gastvrije Keuken',
    place: 'Eindhoven',
    person: 'Peter van Dijk',
    email: 'peter@gastvrijekeuken.demo',
    sector: { nl: 'Catering' },
  },
  7: {
    name: 'OnderWeg Mobiliteit',
    place: 'Den Bosch',
    person: 'Anouk Visser',
    email: 'anouk@onderweg.demo',
    sector: { nl: 'Mobiliteitsdiensten' },
  },
  8: {
    name: 'Facilitair Samen',
    place: 'Amsterdam',
    person: 'Kees Smit',
    email: 'kees@facilitairsamen.demo',
    sector: { nl: 'Facilitaire diensten' },
  },
  9: {
    name: 'Buitenkans',
    place: 'Nijmegen',
    person: 'Lotte Mulder',
    email: 'lotte@buitenkans.demo',
    sector: { nl: 'Buitenactiviteiten' },
  },
  10: {
    name: 'Brug naar Werk',
    place: 'Arnhem',
    person: 'Samira Haddou',
    email: 'samira@brugnaarwerk.demo',
    sector: { nl: 'Bemiddeling' },
  },
  11: {
    name: 'Van der Linden Bouw',
    place: 'Tilburg',
    person: 'Marco van der Linden',
    email: 'marco@vanderlindenbouw.demo',
    sector: { nl: 'Bouw' },
  },
  12: {
    name: 'Drukkerij Hendriks',
    place: 'Haarlem',
    person: 'Els Hendriks',
    email: 'els@drukkerijhendriks.demo',
    sector: { nl: 'Drukkerij' },
  },
  13: {
    name: 'Bouwgroep Zuid',
    place: 'Maastricht',
    person: 'Joost Peeters',
    email: 'joost@bouwgroepzuid.demo',
    sector: { nl: 'Bouw' },
  },
  14: {
    name: 'Klimaatwerk Installaties',
    place: 'Zwolle',
    person: 'Nadia Bouali',
    email: 'nadia@klimaatwerk.demo',
    sector: { nl: 'Binnenklimaat' },
  },
  15: {
    name: 'Digitaal Vooruit',
    place: 'Amersfoort',
    person: 'Thomas de Graaf',
    email: 'thomas@digitaalvooruit.demo',
    sector: { nl: 'Digitale dienstverlening' },
  },
  16: {
    name: 'PersoneelsPlan',
    place: 'Den Haag',
    person: 'Ruud Kramer',
    email: 'ruud@personeelsplan.demo',
    sector: { nl: 'Personeelsdiensten' },
  },
};

export const DEMO_SIGN_INS = [
  { role: 'social enterprise admin', email: INVENTED[1]!.email, organisation: INVENTED[1]!.name },
  { role: 'regular company admin', email: INVENTED[11]!.email, organisation: INVENTED[11]!.name },
  { role: 'platform admin', email: 'beheer@impactwheel.demo', organisation: null },
  { role: 'facilitator', email: 'begeleider@impactwheel.demo', organisation: null },
];

async function organisationsWithCollaborations(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  ids: string[],
) {
  const rows = await tx
    .selectDistinct({ id: collaborationParticipants.organisationId })
    .from(collaborationParticipants)
    .where(inArray(collaborationParticipants.organisationId, ids));
  const withCollaboration = new Set(rows.map((r) => r.id));
  return ids.filter((id) => withCollaboration.has(id));
}

function employeeBand(value: string): SampleRow['employees'] {
  const band = EMPLOYEE_BANDS.find((b) => b === value);
  if (!band) throw new Error(`study-sample.csv: unknown employee band ${value}`);
  return band;
}

function readSample(): SampleRow[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'study-sample.csv');
  const [, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [participant, type, , employees, since] = line.split(',');
    return {
      participant: Number(participant),
      type: type as SampleRow['type'],
      employees: employeeBand(employees!),
      since: Number(since),
    };
  });
}

/**
 * Seeds the demo installation once, only when the database has no accounts at all: the study's sixteen
 * enterprises, a municipality, and collaborations between them.
 */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({ name: 'Platformbeheer', email: DEMO_SIGN_INS[2]!.email, passwordHash })
      .returning();
    await tx.insert(platformRoles).values({ userId: admin!.id, role: 'platform_admin' });
    const orgIds: Record<string, string> = {};
    for (const row of readSample()) {
      const invented = INVENTED[row.participant]!;
      const wise = row.type === 'WISE';
      const [org] = await tx
        .insert(organisations)
        .values({
          name: invented.name,
          type: wise ? 'wise' : 'regular-company',
          impactOrientation: wise ? 'impact-first' : 'impact-second',
          sector: invented.sector.nl,
          employees: row.employees,
          yearFounded: row.since,
          place: invented.place,
          description: wise
            ? `Sociale onderneming (${invented.sector.nl.toLowerCase()}) die mensen met een afstand tot de arbeidsmarkt opleidt en begeleidt naar passend werk.`
            : `Onderneming (${invented.sector.nl.toLowerCase()}) die samenwerkt met sociale ondernemingen om inclusiever te werken.`,
        })
        .returning();
      const [user] = await tx
        .insert(users)
        .values({ name: invented.person, email: invented.email, passwordHash })
        .returning();
      await tx.insert(memberships).values({ organisationId: org!.id, userId: user!.id, role: 'admin' });
      orgIds[invented.name] = org!.id;
    }
    // Not in the study's sample: the municipality that joins one collaboration as a third partner.
    const [municipality] = await tx
      .insert(organisations)
      .values({
        name: 'Gemeente Tilburg',
        type: 'municipality',
        sector: 'Werk en inkomen',
        place: 'Tilburg',
        description:
          'Team werkgeversdienstverlening: helpt werkgevers en sociale ondernemingen met plaatsingen.',
      })
      .returning();
    const [official] = await tx
      .insert(users)
      .values({ name: 'Fatima Ouali', email: 'fatima@gemeentetilburg.demo', passwordHash })
      .returning();
    await tx
      .insert(memberships)
      .values({ organisationId: municipality!.id, userId: official!.id, role: 'admin' });
    orgIds['Gemeente Tilburg'] = municipality!.id;
    await seedCollaborations(tx, DEMO_COLLABORATIONS, orgIds);
    await seedDemoProcess(tx, orgIds);
    await seedDemoLedger(tx, orgIds);

    // The research cohort as a programme: the sixteen enterprises, twelve of which share their assessment.
    const [facilitator] = await tx
      .insert(users)
      .values({
        name: 'Lies Vermeulen',
        email: DEMO_SIGN_INS[2]!.email.replace('beheer', 'begeleider'),
        passwordHash,
      })
      .returning();
    await tx.insert(platformRoles).values({ userId: facilitator!.id, role: 'facilitator' });
    const [programme] = await tx
      .insert(programmes)
      .values({
        name: 'Impact door samenwerking 2021–2023',
        description:
          'De zestien ondernemingen uit het onderzoek: sociale ondernemingen en reguliere bedrijven.',
        startsOn: '2021-09-01',
        endsOn: '2023-06-30',
        facilitatorId: facilitator!.id,
      })
      .returning();
    const studyOrganisations = Object.entries(orgIds)
      .filter(([name]) => name !== 'Gemeente Tilburg')
      .map(([, id]) => id);
    const sharing = await organisationsWithCollaborations(tx, studyOrganisations);
    await seedStudyAssessments(tx, sharing);
    await tx.insert(programmeMembers).values(
      studyOrganisations.map((organisationId) => ({
        programmeId: programme!.id,
        organisationId,
        consentAt: sharing.slice(0, 12).includes(organisationId) ? new Date() : null,
      })),
    );
    // The facilitator has published the figures once, as after the study's measurement.
    await new ProgrammesRepository(tx).publishSnapshot(programme!.id, facilitator!.id, (current, previous) =>
      planSnapshot(current, previous, assessment.items.length, PROGRAMME_MINIMUM),
    );
  });
  return true;
}

/** The demo sign-ins that exist in this database (none once the demo accounts are gone). */
export async function demoSignInsPresent(db: Db) {
  const emails = DEMO_SIGN_INS.map((d) => d.email);
  const rows = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  const present = new Set(rows.map((r) => r.email));
  return DEMO_SIGN_INS.filter((d) => present.has(d.email));
}
