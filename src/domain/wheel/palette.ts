// The wheel's colours, for the screen (CSS custom properties built by vite.config.ts) and the PDF.
// Kept apart from the geometry so that pages without a wheel can carry the colours without the arc maths.
import type { DomainId } from '../vocabulary.ts';

/** Per domain: the pale, middle and deep shade (empty or waiting, answered or revealed, in place). */
export const DOMAIN_COLOURS: Record<DomainId, readonly [pale: string, middle: string, deep: string]> = {
  'value-creation': ['#d4ebee', '#94cbd1', '#0f6e7a'],
  resources: ['#f7e3cb', '#e9b77f', '#8a4600'],
  'partnership-processes': ['#e4ddf2', '#b7a8dc', '#5b3f99'],
};
/** The outline of a topic where partners' ratings differ, and of the selected segment. */
export const GAP_COLOUR = '#c05600';

/** The ink of the wheel's labels and ratings on the pale and middle shades. */
export const INK = '#1d2327';

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const mix = (a: string, b: string) =>
  `#${channels(a)
    .map((c, i) =>
      Math.round((c + channels(b)[i]!) / 2)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/**
 * The shade of a rating 1 … 4 on a segment's rim, from white to the domain's middle shade: light enough that
 * the number on it keeps the ink's contrast, so the number, not the shade alone, says the rating.
 */
export const RATING_SHADES: Record<DomainId, readonly [string, string, string, string]> = Object.fromEntries(
  Object.entries(DOMAIN_COLOURS).map(([domain, [pale, middle]]) => [
    domain,
    ['#ffffff', pale, mix(pale, middle), middle] as const,
  ]),
) as Record<DomainId, readonly [string, string, string, string]>;
/** A rim part for "not relevant yet" and for no answer. */
export const NOT_RELEVANT_SHADE = '#e6e8ea';

/** WCAG 2 contrast ratio of two colours given as #rrggbb. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = channels(hex).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
