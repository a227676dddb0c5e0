import { Paper, Table, Text } from '@mantine/core';
import { ChartFigure } from './ChartFigure.tsx';
import { DoctorRateChart } from './DoctorRateChart.tsx';
import type { Overview } from './overview.api.ts';
import { formatPercent, utilisationChartData, windowDays, type UtilisationRow } from './series.ts';
import { plural, utilisationSummary } from './summaries.ts';

function UtilisationTooltip({ row }: { row: UtilisationRow | undefined }) {
  if (!row) return null;
  return (
    <Paper withBorder shadow="md" p="xs">
      <Text size="sm" fw={700}>
        {row.doctor}
      </Text>
      <Text size="sm">
        {row.booked} of {plural(row.available, 'slot')} booked ({Math.round(row.rate)}%)
      </Text>
    </Paper>
  );
}

/** The booked share of each active doctor's slots over the coming days. */
export function UtilisationChart({ utilisation }: { utilisation: Overview['utilisation'] }) {
  const days = windowDays(utilisation.from, utilisation.to);
  const data = utilisationChartData(utilisation.doctors);
  return (
    <ChartFigure
      title="Utilisation per doctor"
      summary={utilisationSummary(utilisation.doctors, days)}
      emptyText={`No doctor has hours in the next ${plural(days, 'day')}.`}
      chart={
        <DoctorRateChart
          data={data}
          label="Booked"
          color="care.6"
          tooltipProps={{ content: ({ payload }) => <UtilisationTooltip row={payload?.[0]?.payload as UtilisationRow | undefined} /> }}
        />
      }
      table={
        <Table captionSide="top" miw={460} verticalSpacing={6} striped mt="xs">
          <Table.Caption ta="left">Booked and available slots per doctor, next {plural(days, 'day')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Doctor</Table.Th>
              <Table.Th scope="col" ta="right">
                Booked slots
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Available slots
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Booked share
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {utilisation.doctors.map((doctor) => (
              <Table.Tr key={doctor.doctorId}>
                <Table.Th scope="row" fw={600}>
                  {doctor.doctorName}
                </Table.Th>
                <Table.Td ta="right">{doctor.bookedSlots}</Table.Td>
                <Table.Td ta="right">{doctor.availableSlots}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {formatPercent(doctor.rate) ?? 'No hours'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
