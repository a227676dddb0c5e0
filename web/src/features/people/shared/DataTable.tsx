import { Anchor, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Long unbroken text (an email address) may wrap anywhere. */
  wrap?: boolean;
}

interface DataTableProps<T> {
  rows: T[];
  columns: readonly Column<T>[];
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
}

function DataRow<T>({ row, columns }: { row: T; columns: readonly Column<T>[] }) {
  return (
    <Table.Tr>
      {columns.map((column) => (
        <Table.Td key={column.header} style={column.wrap ? { overflowWrap: 'anywhere' } : undefined}>
          {column.cell(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** A striped table with a header row of column headings and one row per item. */
export function DataTable<T extends { id: string }>({ rows, columns, minWidth }: DataTableProps<T>) {
  const headings = columns.map((column) => (
    <Table.Th key={column.header} scope="col">
      {column.header}
    </Table.Th>
  ));
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>{headings}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <DataRow key={row.id} row={row} columns={columns} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The link from a row to the item's own page, usually on its name. */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} c="care.8" fw={600} underline="always">
      {children}
    </Anchor>
  );
}
