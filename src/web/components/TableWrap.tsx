import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone. The scrolling region can take keyboard focus and is named,
 * so someone without a mouse can scroll it too (axe: scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
