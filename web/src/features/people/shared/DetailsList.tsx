import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

export type DetailRow = [label: string, value: ReactNode];

/** Read-only details as a description list: a label and a value a row. */
export function DetailsList({ rows, labelWidth = '11rem' }: { rows: DetailRow[]; labelWidth?: string }) {
  return (
    <DataList labelWidth={labelWidth} withDivider>
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', minWidth: 0 }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
