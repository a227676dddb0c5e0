import { BarChart } from '@mantine/charts';
import { SimpleGrid, Stack, Table } from '@mantine/core';
import { ChartFigure } from './ChartFigure.tsx';
import { DoctorRateChart } from './DoctorRateChart.tsx';
import { NameTick } from './NameTick.tsx';
import type { Overview } from './overview.api.ts';
import {
  BAR_LABEL_WIDTH, barListHeight, formatPercent, hasAppointments, noShowChartData, perDayChartData, shortDay, specializationChartData, statusLegendOrder, statusSeries,
} from './series.ts';
import { StatusCountsTable } from './StatusCountsTable.tsx';
import { noShowSummary, perDaySummary, specializationSummary } from './summaries.ts';

type Series = Overview['series'];

function PerDayChart({ series, period }: { series: Series; period: string }) {
  return (
    <ChartFigure
      title="Appointments per day"
      summary={hasAppointments(series.perDay) ? perDaySummary(series) : null}
      chart={
        <BarChart
          h={280}
          data={perDayChartData(series.perDay)}
          dataKey="day"
          type="stacked"
          series={statusSeries}
          withLegend
          legendProps={{ itemSorter: statusLegendOrder }}
          accessibilityLayer={false}
          yAxisProps={{ allowDecimals: false, width: 32 }}
        />
      }
      table={
        <StatusCountsTable
          caption={`Appointments per day by status, ${period}`}
          rowHeader="Date"
          rows={series.perDay.map((day) => ({ key: day.date, label: shortDay(day.date), counts: day }))}
        />
      }
    />
  );
}

function SpecializationChart({ rows, period }: { rows: Series['perSpecialization']; period: string }) {
  const data = specializationChartData(rows);
  return (
    <ChartFigure
      title="Appointments by specialization"
      summary={specializationSummary(rows)}
      chart={
        <BarChart
          h={barListHeight(data.length, true)}
          data={data}
          dataKey="specialization"
          type="stacked"
          orientation="vertical"
          maxBarWidth={28}
          series={statusSeries}
          withLegend
          legendProps={{ itemSorter: statusLegendOrder }}
          accessibilityLayer={false}
          gridAxis="y"
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: BAR_LABEL_WIDTH, interval: 0, tick: NameTick }}
        />
      }
      table={
        <StatusCountsTable
          caption={`Appointments by specialization and status, ${period}`}
          rowHeader="Specialization"
          rows={rows.map((row) => ({ key: row.id, label: row.name, counts: row }))}
        />
      }
    />
  );
}

function NoShowChart({ rows, period }: { rows: Series['noShowRate']; period: string }) {
  const data = noShowChartData(rows);
  return (
    <ChartFigure
      title="No-show rate per doctor"
      summary={noShowSummary(rows)}
      emptyText="No completed or missed appointments in this period."
      chart={
        <DoctorRateChart data={data} label="No-show rate" color="red.8" />
      }
      table={
        <Table captionSide="top" miw={420} verticalSpacing={6} striped mt="xs">
          <Table.Caption ta="left">No-shows among completed or missed appointments per doctor, {period}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Doctor</Table.Th>
              <Table.Th scope="col" ta="right">
                Completed
              </Table.Th>
              <Table.Th scope="col" ta="right">
                No-shows
              </Table.Th>
              <Table.Th scope="col" ta="right">
                No-show rate
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.doctorId}>
                <Table.Th scope="row" fw={600}>
                  {row.doctorName}
                </Table.Th>
                <Table.Td ta="right">{row.completed}</Table.Td>
                <Table.Td ta="right">{row.noShow}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {formatPercent(row.rate)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** The charts over the last 30 days: per day by status, per specialization, and no-shows per doctor. */
export function AppointmentCharts({ series }: { series: Series }) {
  const period = `${shortDay(series.from)} – ${shortDay(series.to)}`;
  return (
    <Stack gap="md">
      <PerDayChart series={series} period={period} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SpecializationChart rows={series.perSpecialization} period={period} />
        <NoShowChart rows={series.noShowRate} period={period} />
      </SimpleGrid>
    </Stack>
  );
}
