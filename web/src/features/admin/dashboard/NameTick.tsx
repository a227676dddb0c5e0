import type { ReactNode } from 'react';
import { shortName } from './series.ts';

interface NameTickProps {
  x: number | string;
  y: number | string;
  payload: { value?: unknown };
}

/**
 * A name beside a horizontal bar, on one line: recharts would wrap a long name to the axis width and
 * drop the lines that do not fit, leaving "…" alone.
 */
export function NameTick({ x, y, payload }: NameTickProps): ReactNode {
  return (
    <text x={x} y={y} dx={-8} dy={4} textAnchor="end" fontSize={12} fill="currentColor">
      {shortName(String(payload.value ?? ''))}
    </text>
  );
}
