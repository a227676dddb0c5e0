import { Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { APPOINTMENT_STATUSES, useAllDoctors, type AppointmentStatus } from '../../scheduling/api.ts';
import { statusLabels } from '../../scheduling/status.ts';
import { DateRangeInputs } from '../DateRangeInputs.tsx';
import { dateRangeError } from '../dateRange.ts';
import { ExportLink } from './ExportLink.tsx';
import { appointmentsExportHref, type AppointmentExportFilters } from './exportLinks.ts';

export function AppointmentsExportCard({ timeZone }: { timeZone: string }) {
  const doctors = useAllDoctors();
  const [filters, setFilters] = useState<AppointmentExportFilters>({ statuses: [], from: '', to: '', doctorId: '' });
  const set = (next: Partial<AppointmentExportFilters>) => setFilters((current) => ({ ...current, ...next }));
  const rangeProblem = dateRangeError(filters.from, filters.to);
  const doctorOptions = [{ value: '', label: 'All doctors' }, ...(doctors.data?.items ?? []).map((doctor) => ({ value: doctor.id, label: doctor.name }))];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="appointments-export-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="appointments-export-heading">
          Appointments
        </Title>
        <Text size="sm">One row per appointment, by start time, with the start also as a date and time in {timeZone}.</Text>
        <Checkbox.Group
          label="Statuses"
          description="None ticked: every status"
          value={[...filters.statuses]}
          onChange={(values) => set({ statuses: values as AppointmentStatus[] })}
        >
          <Group gap="md" mt={6}>
            {APPOINTMENT_STATUSES.map((status) => (
              <Checkbox key={status} value={status} label={statusLabels[status]} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateRangeInputs from={filters.from} to={filters.to} timeZone={timeZone} error={rangeProblem} onChange={set} />
        </SimpleGrid>
        <NativeSelect
          label="Doctor"
          data={doctorOptions}
          value={filters.doctorId}
          onChange={(event) => set({ doctorId: event.currentTarget.value })}
          description={doctors.isError ? 'The list of doctors could not be loaded: every doctor is included' : undefined}
        />
        <ExportLink href={appointmentsExportHref(filters, timeZone)} what="appointments" problem={rangeProblem && 'Correct the dates to download the file.'} />
      </Stack>
    </Paper>
  );
}
