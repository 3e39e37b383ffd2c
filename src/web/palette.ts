import type { DomainId } from '../domain/vocabulary.ts';
import { DOMAIN_COLOURS, GAP_COLOUR } from '../domain/wheel/palette.ts';

// Short names the stylesheet uses: var(--vc-1) is the pale shade of value creation, var(--rs-3) the deep
// shade of resources. The colours themselves are the domain's, shared with the PDF.
const PREFIX: Record<DomainId, string> = {
  'value-creation': 'vc',
  resources: 'rs',
  'partnership-processes': 'pp',
};

/** Sets the wheel's colours as CSS custom properties on the document, before the first render. */
export function applyPalette(root: HTMLElement = document.documentElement): void {
  for (const [domain, shades] of Object.entries(DOMAIN_COLOURS) as [DomainId, readonly string[]][]) {
    shades.forEach((colour, i) => {
      root.style.setProperty(`--${PREFIX[domain]}-${i + 1}`, colour);
    });
  }
  root.style.setProperty('--gap', GAP_COLOUR);
}
