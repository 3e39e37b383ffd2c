import type { Translate } from '../i18n/translate.ts';
import { assessment } from '../instrument/assessment.ts';
import type { Locale } from '../instrument/types.ts';
import type { ContinuumPosition } from '../vocabulary.ts';

/** 1 strongly disagree … 5 strongly agree; absent or null means "no answer". */
export type Likert = 1 | 2 | 3 | 4 | 5;
/** Answers by statement component (selection, formation, operation, …). */
export type AssessmentAnswers = Partial<Record<string, Likert | null>>;

export type { ContinuumPosition };

const INTEGRATIVE = ['interaction', 'operation', 'complementarity', 'nature'] as const;

export type ContinuumPlacement = {
  position: ContinuumPosition;
  /** The statements (components) that decided the position, with the values used. */
  decidedBy: { component: string; value: number }[];
  /** Mean of the integrative statements, when at least two were answered. */
  integrativeMean: number | null;
};

/** Mean per statement over several organisations' answers, using only answered items. */
export function meanAnswers(all: AssessmentAnswers[]): Partial<Record<string, number>> {
  const out: Partial<Record<string, number>> = {};
  for (const item of assessment.items) {
    const values = all.map((a) => a[item.component]).filter((v): v is Likert => typeof v === 'number');
    if (values.length) out[item.component] = values.reduce((s, v) => s + v, 0) / values.length;
  }
  return out;
}

/**
 * Austin and Seitanidi's collaboration continuum, from one organisation's answers or the partners' mean
 * (docs/rules.md): philanthropic when resources do not flow both ways (≤ 2); integrative when the mean of
 * aligning operations, structural, complementary and specific resources is ≥ 4; transformational when it is
 * integrative and synergy ≥ 4 and formally laid down ≥ 3; transactional otherwise. Fewer than two answered
 * statements of the integrative condition (and no one-directional exchange) cannot be placed.
 */
export function placeOnContinuum(answers: Partial<Record<string, number | null>>): ContinuumPlacement {
  const value = (c: string) => (typeof answers[c] === 'number' ? (answers[c] as number) : null);
  const direction = value('direction');
  if (direction !== null && direction <= 2) {
    return {
      position: 'philanthropic',
      decidedBy: [{ component: 'direction', value: direction }],
      integrativeMean: null,
    };
  }
  const integrative = INTEGRATIVE.map((c) => ({ component: c, value: value(c) })).filter(
    (x): x is { component: (typeof INTEGRATIVE)[number]; value: number } => x.value !== null,
  );
  if (integrative.length < 2)
    return { position: 'not-enough-answers', decidedBy: integrative, integrativeMean: null };
  const mean = integrative.reduce((s, x) => s + x.value, 0) / integrative.length;
  if (mean < 4) return { position: 'transactional', decidedBy: integrative, integrativeMean: mean };
  const synergy = value('synergy');
  const formalisation = value('formalisation');
  if (synergy !== null && synergy >= 4 && formalisation !== null && formalisation >= 3) {
    return {
      position: 'transformational',
      decidedBy: [
        ...integrative,
        { component: 'synergy', value: synergy },
        { component: 'formalisation', value: formalisation },
      ],
      integrativeMean: mean,
    };
  }
  return { position: 'integrative', decidedBy: integrative, integrativeMean: mean };
}

/** "Integrative: aligning operations 4.5, structural 4, complementary 5, specific resources 4 (mean 4.4 ≥ 4)." */
export function explainContinuum(p: ContinuumPlacement, lang: Locale, t: Translate): string {
  const label = (component: string) =>
    assessment.items.find((i) => i.component === component)?.label[lang] ?? component;
  const fmt = (n: number) =>
    n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  const used = p.decidedBy.map((d) => `${label(d.component)} ${fmt(d.value)}`).join(', ');
  const mean = p.integrativeMean === null ? '' : ` (${t('explain.mean')} ${fmt(p.integrativeMean)})`;
  const name =
    p.position === 'not-enough-answers' ? t('explain.notEnoughAnswers') : t(`collab.positions.${p.position}`);
  return `${name}${used ? `: ${used}${mean}` : ''}.`;
}
