import type { Localised } from '../instrument/types.ts';

/**
 * The deliverables of the partnering process as structured forms: one list of fields per activity of the
 * instrument (process.json), from which the API builds its validation, the web client its form, the PDF its
 * pages and the version history its readable difference. A field added here appears in all four.
 */

export type Choice = { id: string; label: Localised };

export type ScalarField =
  | { kind: 'text' }
  | { kind: 'longText' }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'date' }
  | { kind: 'choice'; options: readonly Choice[] }
  /** One of the collaboration's partner organisations, by id. */
  | { kind: 'organisation' };

export type Column = { id: string; label: Localised } & ScalarField;

export type Field = { id: string; label: Localised; hint?: Localised } & (
  | ScalarField
  | { kind: 'list' }
  /** Rows of columns; a keyed table gives each row a stable `id`, so other records can point at a row. */
  | { kind: 'table'; columns: readonly Column[]; keyed?: boolean }
);

export type DeliverableForm = { id: DeliverableId; fields: readonly Field[] };

export const DELIVERABLE_IDS = [
  'problem-definition',
  'actors-map',
  'key-impacts',
  'project-organisation',
  'strategic-action-programme',
  'measurement-system',
  'implementation-plan',
  'communication',
  'pilot-diagnostic',
  'feasibility-assessment',
  'scaling-plan',
] as const;
export type DeliverableId = (typeof DELIVERABLE_IDS)[number];

export const LIMITS = { text: 200, longText: 4000, listItems: 50, tableRows: 100 } as const;

const l = (en: string, nl: string): Localised => ({ en, nl });

const LEVELS: readonly Choice[] = [
  { id: 'low', label: l('low', 'laag') },
  { id: 'medium', label: l('medium', 'gemiddeld') },
  { id: 'high', label: l('high', 'hoog') },
];

export const COMPARATORS = ['gte', 'gt', 'lte', 'lt', 'eq'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const COMPARATOR_SIGNS: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

const SECTORS: readonly Choice[] = [
  { id: 'social-enterprise', label: l('social enterprise', 'sociale onderneming') },
  { id: 'company', label: l('company', 'bedrijf') },
  { id: 'government', label: l('government', 'overheid') },
  { id: 'education', label: l('education and training', 'onderwijs en opleiding') },
  { id: 'civil-society', label: l('civil society', 'maatschappelijke organisatie') },
  { id: 'beneficiaries', label: l('the people it is about', 'de mensen om wie het gaat') },
  { id: 'other', label: l('other', 'anders') },
];

const ROLES: readonly Choice[] = [
  { id: 'champion', label: l('champion', 'trekker') },
  { id: 'backbone', label: l('backbone', 'spil (backbone)') },
  { id: 'evaluator', label: l('evaluator', 'evaluator') },
  { id: 'partner', label: l('partner', 'partner') },
  { id: 'advisor', label: l('advisor', 'adviseur') },
];

export const DELIVERABLE_FORMS: Record<DeliverableId, DeliverableForm> = {
  'problem-definition': {
    id: 'problem-definition',
    fields: [
      { id: 'problem', kind: 'longText', label: l('The problem', 'Het probleem') },
      { id: 'rootCauses', kind: 'list', label: l('Root causes', 'Onderliggende oorzaken') },
      {
        id: 'voicesHeard',
        kind: 'longText',
        label: l('Whose voice was heard', 'Wie we hebben gehoord'),
        hint: l(
          'Which people and organisations told you about the problem, and who is still missing.',
          'Welke mensen en organisaties vertelden over het probleem, en wie ontbreekt nog.',
        ),
      },
      {
        id: 'beneficiaryVoice',
        kind: 'longText',
        label: l('In the words of the people it is about', 'In de woorden van de mensen om wie het gaat'),
      },
      { id: 'inScope', kind: 'list', label: l('In scope', 'Binnen de afbakening') },
      { id: 'outOfScope', kind: 'list', label: l('Out of scope', 'Buiten de afbakening') },
    ],
  },
  'actors-map': {
    id: 'actors-map',
    fields: [
      {
        id: 'actors',
        kind: 'table',
        label: l('Actors', 'Actoren'),
        hint: l(
          'Everyone who affects the problem or is affected by it, on the platform or not yet.',
          'Iedereen die het probleem beïnvloedt of erdoor geraakt wordt, op het platform of nog niet.',
        ),
        columns: [
          { id: 'name', kind: 'text', label: l('Actor', 'Actor') },
          {
            id: 'onPlatform',
            kind: 'choice',
            label: l('On the platform', 'Op het platform'),
            options: [
              { id: 'yes', label: l('yes', 'ja') },
              { id: 'no', label: l('not yet', 'nog niet') },
            ],
          },
          { id: 'sector', kind: 'choice', label: l('Sector', 'Sector'), options: SECTORS },
          { id: 'role', kind: 'text', label: l('Role', 'Rol') },
          { id: 'assets', kind: 'text', label: l('Assets they bring', 'Wat ze inbrengen') },
          { id: 'influence', kind: 'choice', label: l('Influence', 'Invloed'), options: LEVELS },
          { id: 'interest', kind: 'choice', label: l('Interest', 'Belang'), options: LEVELS },
          { id: 'readiness', kind: 'choice', label: l('Readiness', 'Bereidheid'), options: LEVELS },
        ],
      },
    ],
  },
  'key-impacts': {
    id: 'key-impacts',
    fields: [
      { id: 'vision', kind: 'longText', label: l('Joint vision', 'Gezamenlijke visie') },
      {
        id: 'horizonYears',
        kind: 'number',
        min: 3,
        max: 30,
        label: l('Horizon (years)', 'Horizon (jaren)'),
        hint: l('Three years or more.', 'Drie jaar of meer.'),
      },
      { id: 'individual', kind: 'longText', label: l('Impact for the individual', 'Impact voor de persoon') },
      {
        id: 'organisation',
        kind: 'longText',
        label: l('Impact for the organisations', 'Impact voor de organisaties'),
      },
      { id: 'society', kind: 'longText', label: l('Impact for society', 'Impact voor de samenleving') },
    ],
  },
  'project-organisation': {
    id: 'project-organisation',
    fields: [
      {
        id: 'backbone',
        kind: 'organisation',
        label: l('Backbone organisation', 'Spilorganisatie (backbone)'),
        hint: l(
          'The partner that coordinates, keeps the data and convenes the meetings.',
          'De partner die coördineert, de gegevens bijhoudt en de overleggen organiseert.',
        ),
      },
      {
        id: 'roles',
        kind: 'table',
        label: l('Roles', 'Rollen'),
        columns: [
          { id: 'person', kind: 'text', label: l('Person', 'Persoon') },
          { id: 'organisation', kind: 'organisation', label: l('Organisation', 'Organisatie') },
          { id: 'role', kind: 'choice', label: l('Role', 'Rol'), options: ROLES },
        ],
      },
      { id: 'meetingRhythm', kind: 'text', label: l('Meeting rhythm', 'Overlegritme') },
      { id: 'decisionMaking', kind: 'longText', label: l('How we decide', 'Hoe we besluiten') },
    ],
  },
  'strategic-action-programme': {
    id: 'strategic-action-programme',
    fields: [
      { id: 'strategies', kind: 'list', label: l('Strategies', 'Strategieën') },
      { id: 'principles', kind: 'list', label: l('Principles', 'Uitgangspunten') },
      {
        id: 'activities',
        kind: 'table',
        label: l('Activities', 'Activiteiten'),
        columns: [
          { id: 'activity', kind: 'text', label: l('Activity', 'Activiteit') },
          { id: 'owner', kind: 'organisation', label: l('Led by', 'Trekker') },
          { id: 'byWhen', kind: 'date', label: l('By when', 'Wanneer klaar') },
        ],
      },
      { id: 'quickWins', kind: 'list', label: l('Quick wins to celebrate', 'Snelle successen om te vieren') },
    ],
  },
  'measurement-system': {
    id: 'measurement-system',
    fields: [
      {
        id: 'indicators',
        kind: 'table',
        label: l('Indicators', 'Indicatoren'),
        columns: [
          { id: 'name', kind: 'text', label: l('Indicator', 'Indicator') },
          { id: 'unit', kind: 'text', label: l('Unit', 'Eenheid') },
          { id: 'baseline', kind: 'number', label: l('Baseline', 'Nulmeting') },
          { id: 'target', kind: 'number', label: l('Target', 'Doel') },
        ],
      },
      {
        id: 'criteria',
        kind: 'table',
        keyed: true,
        label: l('Go/no-go criteria', 'Go/no-go-criteria'),
        hint: l(
          'Set before the pilot: what must be true, by when, to decide to scale.',
          'Vooraf vastgelegd: wat moet waar zijn, en wanneer, om te besluiten op te schalen.',
        ),
        columns: [
          { id: 'indicator', kind: 'text', label: l('Indicator', 'Indicator') },
          {
            id: 'comparator',
            kind: 'choice',
            label: l('Comparison', 'Vergelijking'),
            options: COMPARATORS.map((c) => ({ id: c, label: l(COMPARATOR_SIGNS[c], COMPARATOR_SIGNS[c]) })),
          },
          { id: 'threshold', kind: 'number', label: l('Threshold', 'Drempel') },
          { id: 'byWhen', kind: 'date', label: l('By when', 'Uiterlijk') },
        ],
      },
    ],
  },
  'implementation-plan': {
    id: 'implementation-plan',
    fields: [
      {
        id: 'budget',
        kind: 'table',
        label: l('Budget', 'Begroting'),
        columns: [
          { id: 'item', kind: 'text', label: l('Budget line', 'Post') },
          { id: 'amount', kind: 'number', min: 0, label: l('Amount (€)', 'Bedrag (€)') },
          { id: 'fundedBy', kind: 'text', label: l('Funded by', 'Betaald door') },
        ],
      },
      {
        id: 'milestones',
        kind: 'table',
        label: l('Milestones', 'Mijlpalen'),
        columns: [
          { id: 'milestone', kind: 'text', label: l('Milestone', 'Mijlpaal') },
          { id: 'date', kind: 'date', label: l('Date', 'Datum') },
        ],
      },
      { id: 'roles', kind: 'longText', label: l('Who does what', 'Wie doet wat') },
      {
        id: 'feedback',
        kind: 'longText',
        label: l('Feedback mechanisms', 'Hoe we terugkoppeling ophalen'),
      },
    ],
  },
  communication: {
    id: 'communication',
    fields: [
      { id: 'internal', kind: 'longText', label: l('Internal communication', 'Interne communicatie') },
      { id: 'external', kind: 'longText', label: l('External communication', 'Externe communicatie') },
      { id: 'audiences', kind: 'list', label: l('Audiences', 'Doelgroepen') },
      { id: 'channels', kind: 'list', label: l('Channels', 'Kanalen') },
      {
        id: 'beneficiariesInStory',
        kind: 'longText',
        label: l('The people it is about, in the story', 'De mensen om wie het gaat, in het verhaal'),
      },
      {
        id: 'windowDressing',
        kind: 'longText',
        label: l('How we avoid window dressing', 'Hoe we voorkomen dat het etalage wordt'),
      },
    ],
  },
  'pilot-diagnostic': {
    id: 'pilot-diagnostic',
    fields: [
      {
        id: 'results',
        kind: 'longText',
        label: l('Results against the criteria', 'Resultaten tegen de criteria'),
      },
      { id: 'lessons', kind: 'list', label: l('Lessons', 'Lessen') },
      {
        id: 'beneficiaryVoice',
        kind: 'longText',
        label: l('What the people it is about said', 'Wat de mensen om wie het gaat zeiden'),
      },
    ],
  },
  'feasibility-assessment': {
    id: 'feasibility-assessment',
    fields: [
      {
        id: 'capacity',
        kind: 'longText',
        label: l('Organisational capacity', 'Organisatorische draagkracht'),
      },
      { id: 'finance', kind: 'longText', label: l('Finance', 'Financiën') },
      { id: 'technical', kind: 'longText', label: l('Technical resources', 'Technische middelen') },
      { id: 'funding', kind: 'longText', label: l('Long-term funding', 'Financiering op lange termijn') },
      {
        id: 'revenueModel',
        kind: 'longText',
        label: l('Revenue model towards break-even', 'Verdienmodel richting break-even'),
      },
    ],
  },
  'scaling-plan': {
    id: 'scaling-plan',
    fields: [
      { id: 'technology', kind: 'longText', label: l('Technology', 'Technologie') },
      { id: 'talent', kind: 'longText', label: l('Talent and hand-over', 'Talent en overdracht') },
      { id: 'revenueModel', kind: 'longText', label: l('Revenue model', 'Verdienmodel') },
    ],
  },
};

export function isDeliverableId(id: string): id is DeliverableId {
  return (DELIVERABLE_IDS as readonly string[]).includes(id);
}

/** A deliverable's content: field id → text, number, date, choice id, organisation id, list, or table rows. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type FieldValue = Cell | string[] | Row[];
export type DeliverableContent = Record<string, FieldValue>;

function blank(value: FieldValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Nothing filled in: every field empty, every list and table without rows. */
export function isEmptyContent(content: DeliverableContent | null | undefined): boolean {
  if (!content) return true;
  return Object.values(content).every(blank);
}

/**
 * Every cell of a deliverable that names an organisation (a field, or a column of a table), with its path in the
 * content: what must be a partner when saved, and what a template from another collaboration leaves out.
 */
export function organisationCells(
  id: DeliverableId,
  content: DeliverableContent,
): { path: [string] | [string, number, string]; value: string }[] {
  const cells: { path: [string] | [string, number, string]; value: string }[] = [];
  for (const field of DELIVERABLE_FORMS[id].fields) {
    const value = content[field.id];
    if (field.kind === 'organisation' && typeof value === 'string') cells.push({ path: [field.id], value });
    if (field.kind !== 'table' || !Array.isArray(value)) continue;
    (value as Row[]).forEach((row, i) => {
      if (typeof row !== 'object' || row === null) return;
      for (const column of field.columns) {
        const cell = row[column.id];
        if (column.kind === 'organisation' && typeof cell === 'string')
          cells.push({ path: [field.id, i, column.id], value: cell });
      }
    });
  }
  return cells;
}
