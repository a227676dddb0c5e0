import { Box, Button, Paper, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { TableRegion } from './TableRegion.tsx';

interface ChartFigureProps {
  title: string;
  /** One sentence saying what the chart shows; null when there is no data to draw. */
  summary: string | null;
  /** Said instead of drawing an empty chart. */
  emptyText?: string;
  /** The chart: hidden from screen readers, which get the summary and the table instead. */
  chart: ReactNode;
  /** The same figures as a table, shown on demand. */
  table: ReactNode;
}

/** A chart in a figure, with a caption, a summary sentence and its data as a table behind a toggle. */
export function ChartFigure({ title, summary, emptyText = 'No appointments in this period.', chart, table }: ChartFigureProps) {
  const id = useId();
  const [tableShown, setTableShown] = useState(false);
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  return (
    <Paper component="figure" withBorder p="md" m={0} aria-labelledby={titleId} miw={0}>
      <figcaption>
        <Title order={3} size="h4" id={titleId}>
          {title}
        </Title>
        <Text size="sm" mt={4}>
          {summary ?? emptyText}
        </Text>
      </figcaption>
      {summary !== null && (
        <>
          <Box aria-hidden="true" mt="md">
            {chart}
          </Box>
          <Button
            variant="subtle"
            size="compact-sm"
            mt="xs"
            aria-expanded={tableShown}
            aria-controls={tableId}
            aria-label={`${tableShown ? 'Hide table' : 'Show as table'}: ${title}`}
            onClick={() => setTableShown((shown) => !shown)}
          >
            {tableShown ? 'Hide table' : 'Show as table'}
          </Button>
          <TableRegion id={tableId} label={`${title}, as a table`} hidden={!tableShown}>
            {table}
          </TableRegion>
        </>
      )}
    </Paper>
  );
}
