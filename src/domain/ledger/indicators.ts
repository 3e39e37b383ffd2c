import type { Localised } from '../instrument/types.ts';

/**
 * The indicators shipped for work integration (issue 13, point 1): one definition per figure, shown wherever the
 * figure is. `kind` says how periods add up: a stock is counted on a date (the last value of a period stands
 * for it), a flow is counted over the period (periods add up).
 */
export const INDICATOR_LEVELS = ['input', 'output', 'outcome'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];
export const INDICATOR_DIRECTIONS = ['up', 'down'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const INDICATOR_KINDS = ['stock', 'flow'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export type Indicator = {
  id: string;
  label: Localised;
  definition: Localised;
  unit: Localised;
  level: IndicatorLevel;
  direction: IndicatorDirection;
  kind: IndicatorKind;
  /** The IRIS+ metric it corresponds to, where one does. */
  iris: string | null;
};

const l = (en: string, nl: string): Localised => ({ en, nl });
const PERSONS = l('people', 'personen');

export const INDICATOR_LIBRARY: readonly Indicator[] = [
  {
    id: 'people-in-work-se',
    label: l('People working at a social enterprise', 'Mensen aan het werk bij een sociale onderneming'),
    definition: l(
      'People with a distance to the labour market with a contract or placement at a partner social enterprise on the last day of the period.',
      'Mensen met een afstand tot de arbeidsmarkt met een contract of plaatsing bij een sociale onderneming van de partners, op de laatste dag van de periode.',
    ),
    unit: PERSONS,
    level: 'output',
    direction: 'up',
    kind: 'stock',
    iris: 'OI2003',
  },
  {
    id: 'people-placed',
    label: l('People placed', 'Mensen geplaatst'),
    definition: l(
      'People who started paid work (a contract of at least one month) through the collaboration during the period.',
      'Mensen die in de periode via de samenwerking aan betaald werk begonnen (een contract van minstens een maand).',
    ),
    unit: PERSONS,
    level: 'outcome',
    direction: 'up',
    kind: 'flow',
    iris: 'PI3527',
  },
  {
    id: 'jobs-created-fte',
    label: l('Jobs created (FTE)', 'Banen gecreëerd (fte)'),
    definition: l(
      'New paid positions for the target group created during the period, in full-time equivalents (36 hours a week = 1).',
      'Nieuwe betaalde arbeidsplaatsen voor de doelgroep die in de periode zijn ontstaan, in fte (36 uur per week = 1).',
    ),
    unit: l('FTE', 'fte'),
    level: 'output',
    direction: 'up',
    kind: 'flow',
    iris: 'PI3687',
  },
  {
    id: 'people-in-training',
    label: l('People in training', 'Mensen in opleiding'),
    definition: l(
      'People of the target group following a training or learning-on-the-job programme on the last day of the period.',
      'Mensen uit de doelgroep die op de laatste dag van de periode een opleiding of leerwerktraject volgen.',
    ),
    unit: PERSONS,
    level: 'output',
    direction: 'up',
    kind: 'stock',
    iris: 'PI2998',
  },
  {
    id: 'moved-on',
    label: l('Moved on to regular paid work', 'Doorgestroomd naar regulier betaald werk'),
    definition: l(
      'People who moved from a social enterprise or a supported place to a regular job with a regular employer during the period.',
      'Mensen die in de periode van een sociale onderneming of een begeleide plek overstapten naar een gewone baan bij een reguliere werkgever.',
    ),
    unit: PERSONS,
    level: 'outcome',
    direction: 'up',
    kind: 'flow',
    iris: null,
  },
  {
    id: 'retained-6m',
    label: l('Still in work after 6 months', 'Na 6 maanden nog aan het werk'),
    definition: l(
      'Of the people placed six months before the period, those still in paid work at its end.',
      'Van de mensen die zes maanden vóór de periode zijn geplaatst: wie aan het eind ervan nog betaald werk heeft.',
    ),
    unit: PERSONS,
    level: 'outcome',
    direction: 'up',
    kind: 'flow',
    iris: null,
  },
  {
    id: 'retained-12m',
    label: l('Still in work after 12 months', 'Na 12 maanden nog aan het werk'),
    definition: l(
      'Of the people placed twelve months before the period, those still in paid work at its end.',
      'Van de mensen die twaalf maanden vóór de periode zijn geplaatst: wie aan het eind ervan nog betaald werk heeft.',
    ),
    unit: PERSONS,
    level: 'outcome',
    direction: 'up',
    kind: 'flow',
    iris: null,
  },
  {
    id: 'coaching-hours',
    label: l('Coaching hours', 'Begeleidingsuren'),
    definition: l(
      'Hours of job coaching given to the target group during the period, by any partner.',
      'Uren jobcoaching aan de doelgroep in de periode, door welke partner ook.',
    ),
    unit: l('hours', 'uren'),
    level: 'input',
    direction: 'up',
    kind: 'flow',
    iris: null,
  },
  {
    id: 'social-procurement',
    label: l('Purchases from social enterprises', 'Inkoop bij sociale ondernemingen'),
    definition: l(
      'Money partners spent on products and services of social enterprises during the period, excluding VAT.',
      'Bedrag dat partners in de periode uitgaven aan producten en diensten van sociale ondernemingen, exclusief btw.',
    ),
    unit: l('euro', 'euro'),
    level: 'input',
    direction: 'up',
    kind: 'flow',
    iris: null,
  },
];

export function libraryIndicator(id: string): Indicator | undefined {
  return INDICATOR_LIBRARY.find((i) => i.id === id);
}
