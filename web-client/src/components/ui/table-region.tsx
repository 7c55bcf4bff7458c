import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on small screens; the region is focusable so keyboard users can
 * scroll it too, and named after the table's caption.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
