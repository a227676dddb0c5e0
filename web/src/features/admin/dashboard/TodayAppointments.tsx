import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { StatusBadge } from '../../scheduling/components/StatusBadge.tsx';
import { formatDay, localTime } from '../../scheduling/time.ts';
import type { Overview, TodayAppointment } from './overview.api.ts';
import { MoreInList } from './MoreInList.tsx';
import { plural } from './summaries.ts';
import { TableRegion } from './TableRegion.tsx';

const timeRange = (appointment: TodayAppointment, timeZone: string): string =>
  `${localTime(appointment.start, timeZone)}–${localTime(appointment.end, timeZone)}`;

interface TodayAppointmentsProps {
  today: Overview['today'];
  timeZone: string;
}

/** Today's appointments of every status by start time, in the hospital's time zone. */
export function TodayAppointments({ today, timeZone }: TodayAppointmentsProps) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="today-heading" miw={0}>
      <Title order={3} size="h4" id="today-heading">
        Today’s appointments
      </Title>
      <Text mt={4}>
        {formatDay(today.date)}: {plural(today.total, 'appointment')}. Times in {timeZone} (hospital time).
      </Text>
      {today.items.length > 0 && (
        <TableRegion label="Today’s appointments, as a table">
          <Table mt="sm" miw={520} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Time</Table.Th>
                <Table.Th scope="col">Patient</Table.Th>
                <Table.Th scope="col">Doctor</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {today.items.map((appointment) => (
                <Table.Tr key={appointment.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/app/appointments/${appointment.id}`}
                      c="care.8"
                      fw={600}
                      underline="always"
                      aria-label={`${timeRange(appointment, timeZone)}, ${appointment.patientName} with ${appointment.doctorName}`}
                    >
                      {timeRange(appointment, timeZone)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{appointment.patientName}</Table.Td>
                  <Table.Td>{appointment.doctorName}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={appointment.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      {today.items.length < today.total && <MoreInList shown={today.items.length} which="first" />}
    </Paper>
  );
}
