import type { DomainId, Locale, StageId } from '../instrument/types.ts';
import { wheel } from '../instrument/wheel.ts';

export type PlacementFacts = {
  round: number;
  stage: StageId;
  ringsInPlace: StageId[];
  notYetInPlace: string[];
  gaps: string[];
};

const WORDS: Record<Locale, Record<string, string>> = {
  nl: {
    orientation: 'Oriëntatie',
    integration: 'Integratie',
    transformation: 'Transformatie',
    'value-creation': 'waardecreatie',
    resources: 'middelen',
    'partnership-processes': 'partnerschap',
    ringsNone: 'Oriëntatie is nog niet in alle domeinen op orde.',
    ringsOrientation: 'Oriëntatie is op orde in alle drie de domeinen.',
    ringsBoth: 'Oriëntatie en integratie zijn op orde in alle drie de domeinen.',
    notYet: 'Nog niet op orde: {list}.',
    gaps: 'Jullie zien het verschillend bij: {list}.',
    basedOn: 'Op basis van ronde {n}.',
  },
  en: {
    orientation: 'Orientation',
    integration: 'Integration',
    transformation: 'Transformation',
    'value-creation': 'value creation',
    resources: 'resources',
    'partnership-processes': 'partnership processes',
    ringsNone: 'Orientation is not yet in place in all domains.',
    ringsOrientation: 'Orientation is in place in all three domains.',
    ringsBoth: 'Orientation and Integration are in place in all three domains.',
    notYet: 'Not yet in place: {list}.',
    gaps: 'You see it differently on: {list}.',
    basedOn: 'Based on round {n}.',
  },
};

export const stageName = (stage: StageId, lang: Locale) => WORDS[lang][stage]!;
export const domainName = (domain: DomainId, lang: Locale) => WORDS[lang][domain]!;

/**
 * The placement in one or two plain sentences: the stage, which rings are in place, what holds it there,
 * and where partners differ. "Integration. Orientation is in place in all three domains. Not yet in place:
 * Risk (partnership processes), Trust (partnership processes). You see it differently on: Equality."
 */
export function explainPlacement(p: PlacementFacts, lang: Locale): string {
  const w = WORDS[lang];
  const label = (id: string) => wheel.topics.find((t) => t.id === id)?.label[lang] ?? id;
  const parts = [`${w[p.stage]}.`];
  parts.push(
    p.ringsInPlace.includes('integration') && p.ringsInPlace.includes('orientation')
      ? w.ringsBoth!
      : p.ringsInPlace.includes('orientation')
        ? w.ringsOrientation!
        : w.ringsNone!,
  );
  if (p.notYetInPlace.length) {
    const list = p.notYetInPlace
      .map((id) => `${label(id)} (${w[wheel.topics.find((t) => t.id === id)?.domain ?? 'resources']})`)
      .join(', ');
    parts.push(w.notYet!.replace('{list}', list));
  }
  if (p.gaps.length) parts.push(w.gaps!.replace('{list}', p.gaps.map(label).join(', ')));
  parts.push(w.basedOn!.replace('{n}', String(p.round)));
  return parts.join(' ');
}
