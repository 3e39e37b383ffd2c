import type { Translate } from '../i18n/translate.ts';
import type { DomainId, Locale, StageId } from '../instrument/types.ts';
import { wheel } from '../instrument/wheel.ts';

export type PlacementFacts = {
  round: number;
  stage: StageId;
  ringsInPlace: StageId[];
  notYetInPlace: string[];
  gaps: string[];
};

/** The stage's short name ("Integration"), as on the screen. */
export const stageName = (stage: StageId, t: Translate) => t(`collab.stages.${stage}`);
/** The domain's name inside a sentence ("partnership processes"). */
export const domainName = (domain: DomainId, t: Translate) => t(`collab.domains.${domain}`);

/**
 * The placement in one or two plain sentences: the stage, which rings are in place, what holds it there,
 * and where partners differ. "Integration. Orientation is in place in all three domains. Not yet in place:
 * Risk (partnership processes), Trust (partnership processes). You see it differently on: Equality."
 */
export function explainPlacement(p: PlacementFacts, lang: Locale, t: Translate): string {
  const topic = (id: string) => wheel.topics.find((x) => x.id === id);
  const label = (id: string) => topic(id)?.label[lang] ?? id;
  const parts = [`${stageName(p.stage, t)}.`];
  parts.push(
    p.ringsInPlace.includes('integration') && p.ringsInPlace.includes('orientation')
      ? t('explain.ringsBoth')
      : p.ringsInPlace.includes('orientation')
        ? t('explain.ringsOrientation')
        : t('explain.ringsNone'),
  );
  if (p.notYetInPlace.length) {
    const list = p.notYetInPlace
      .map((id) => `${label(id)} (${domainName(topic(id)?.domain ?? 'resources', t)})`)
      .join(', ');
    parts.push(t('explain.notYet', { list }));
  }
  if (p.gaps.length) parts.push(t('explain.gaps', { list: p.gaps.map(label).join(', ') }));
  parts.push(t('explain.basedOn', { n: p.round }));
  return parts.join(' ');
}

/** Why a topic is on the agenda (agenda.ts), as the contract carries it. */
export type AgendaReasonFacts =
  | { kind: 'gap'; ratings: Record<string, number | 'nr'>; spread: number }
  | { kind: 'not-in-place'; stage: StageId; average: number | null }
  | { kind: 'overdue-actions'; count: number };

/** Why a topic is on the agenda, in one sentence: on the screen's agenda and in the round's PDF. */
export function explainAgendaReason(
  reason: AgendaReasonFacts,
  lang: Locale,
  t: Translate,
  organisationName: (organisationId: string) => string,
): string {
  if (reason.kind === 'gap') {
    const list = Object.entries(reason.ratings)
      .map(([org, value]) => `${organisationName(org)} ${value === 'nr' ? t('collab.ratings.nr') : value}`)
      .join(', ');
    return t('collab.reasons.gap', { list, spread: reason.spread });
  }
  if (reason.kind === 'not-in-place') {
    const average =
      reason.average === null
        ? ''
        : t('collab.reasons.average', {
            value: reason.average.toLocaleString(lang, { maximumFractionDigits: 1 }),
          });
    return t('collab.reasons.notInPlace', { stage: stageName(reason.stage, t), average });
  }
  return t(reason.count === 1 ? 'collab.reasons.overdue_one' : 'collab.reasons.overdue_other', {
    count: reason.count,
  });
}
