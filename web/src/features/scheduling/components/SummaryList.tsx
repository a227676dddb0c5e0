import type { ReactNode } from 'react';
import './SummaryList.css';

/** A definition list of label/value pairs that stacks on narrow screens. */
export function SummaryList({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl className="summary-list">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
