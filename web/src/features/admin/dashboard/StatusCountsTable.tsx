import { Table } from '@mantine/core';
import { statusLabels } from '../../scheduling/status.ts';
import type { StatusCounts } from './overview.api.ts';
import { CHART_STATUSES } from './series.ts';

export interface StatusCountsRow {
  key: string;
  label: string;
  counts: StatusCounts;
}

interface StatusCountsTableProps {
  caption: string;
  /** The heading of the first column: "Date", "Specialization". */
  rowHeader: string;
  rows: readonly StatusCountsRow[];
}

/** Appointments per row and status, with each row's total. */
export function StatusCountsTable({ caption, rowHeader, rows }: StatusCountsTableProps) {
  return (
    <Table captionSide="top" miw={640} verticalSpacing={6} striped mt="xs">
      <Table.Caption ta="left">{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{rowHeader}</Table.Th>
          {CHART_STATUSES.map((status) => (
            <Table.Th key={status} scope="col" ta="right">
              {statusLabels[status]}
            </Table.Th>
          ))}
          <Table.Th scope="col" ta="right">
            Total
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {row.label}
            </Table.Th>
            {CHART_STATUSES.map((status) => (
              <Table.Td key={status} ta="right">
                {row.counts[status]}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700}>
              {row.counts.total}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
