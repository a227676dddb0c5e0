import { Badge } from '@mantine/core';
import type { HistoryKind } from '../types.ts';
import { kindInfo } from './kinds.ts';

/** The kind of a history entry, as a word (the colour only repeats it). */
export function KindBadge({ kind }: { kind: HistoryKind }) {
  const { label, color } = kindInfo(kind);
  return (
    <Badge variant="outline" color={color} radius="sm">
      {label}
    </Badge>
  );
}
