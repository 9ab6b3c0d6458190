import type { ReactNode } from 'react';

/**
 * A wide table's scroll box. It can take keyboard focus (so a keyboard user can scroll it with
 * the arrow keys) and is a named region, so a screen reader says what the focused box holds.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable so a keyboard user can scroll it with the arrow keys (WCAG 2.1.1).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
