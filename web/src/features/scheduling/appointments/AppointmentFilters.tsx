import { Button, CloseButton, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { APPOINTMENT_STATUSES, useAllDoctors, usePatientSearch, type AppointmentStatus } from '../api.ts';
import { statusLabels } from '../status.ts';

export interface Filters {
  doctorId: string;
  patientId: string;
  status: AppointmentStatus | 'active' | '';
  from: string;
  to: string;
}

interface AppointmentFiltersProps {
  value: Filters;
  onChange: (next: Partial<Filters>) => void;
  onReset: () => void;
  timeZone: string;
}

function PatientFilter({ patientId, onChange }: { patientId: string; onChange: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const search = usePatientSearch(patientId ? '' : debounced);
  const chosen = useQuery({
    queryKey: ['patients', 'one', patientId],
    queryFn: async () => unwrap(await api.GET('/api/patients/{id}', { params: { path: { id: patientId } } })),
    enabled: patientId !== '',
  });

  if (patientId) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500} id="patient-filter-label">
          Patient
        </Text>
        <Group gap="xs" wrap="nowrap" aria-labelledby="patient-filter-label" role="group">
          <Text fw={600} truncate="end" style={{ minWidth: 0 }}>
            {chosen.data?.name ?? 'Loading…'}
          </Text>
          <CloseButton aria-label="Clear the patient filter" onClick={() => onChange('')} />
        </Group>
      </Stack>
    );
  }

  const items = debounced.length >= 2 ? (search.data?.items ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput
        label="Patient"
        placeholder="Name, email or phone"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        autoComplete="off"
      />
      {debounced.length >= 2 && search.isSuccess && (
        <Stack gap={2} role="group" aria-label="Matching patients">
          {items.length === 0 && <Text size="sm">No patients match.</Text>}
          {items.slice(0, 6).map((patient) => (
            <Button key={patient.id} variant="subtle" size="compact-sm" justify="flex-start" onClick={() => onChange(patient.id)}>
              <VisuallyHidden>Show appointments of </VisuallyHidden>
              {patient.name} ({patient.dateOfBirth})
            </Button>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Filters for the front desk's appointment list: doctor, patient, status and a date range (hospital dates). */
export function AppointmentFilters({ value, onChange, onReset, timeZone }: AppointmentFiltersProps) {
  const doctors = useAllDoctors();
  return (
    <Paper withBorder p="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <NativeSelect
          label="Doctor"
          value={value.doctorId}
          onChange={(event) => onChange({ doctorId: event.currentTarget.value })}
          data={[{ value: '', label: 'All doctors' }, ...(doctors.data?.items ?? []).map((doctor) => ({ value: doctor.id, label: doctor.name }))]}
        />
        <PatientFilter patientId={value.patientId} onChange={(patientId) => onChange({ patientId })} />
        <NativeSelect
          label="Status"
          value={value.status}
          onChange={(event) => onChange({ status: event.currentTarget.value as Filters['status'] })}
          data={[
            { value: '', label: 'Any status' },
            { value: 'active', label: 'Requested or confirmed' },
            ...APPOINTMENT_STATUSES.map((status) => ({ value: status, label: statusLabels[status] })),
          ]}
        />
        <TextInput
          label="From date"
          type="date"
          value={value.from}
          onChange={(event) => onChange({ from: event.currentTarget.value })}
          description={timeZone}
        />
        <TextInput
          label="To date"
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
          description="Inclusive"
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" size="compact-sm" onClick={onReset}>
          Reset filters
        </Button>
      </Group>
    </Paper>
  );
}
