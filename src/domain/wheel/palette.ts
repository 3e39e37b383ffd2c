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
