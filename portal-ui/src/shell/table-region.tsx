// A wide table that scrolls sideways on a phone. The region is focusable and
// named so a keyboard user can scroll it too.
import type { ReactNode } from 'react';

export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
