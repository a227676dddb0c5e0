import type { ReactNode } from 'react';

interface TableRegionProps {
  /** Names the region for screen readers: "Appointments per day, as a table". */
  label: string;
  id?: string;
  hidden?: boolean;
  children: ReactNode;
}

/** A table that may be wider than the screen: it scrolls sideways inside a labelled region keyboard users can focus. */
export function TableRegion({ label, id, hidden, children }: TableRegionProps) {
  return (
    <div role="region" aria-label={label} tabIndex={0} id={id} hidden={hidden} className="dashboard-table-region">
      {children}
    </div>
  );
}
