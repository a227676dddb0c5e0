import { NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ExportLink } from './ExportLink.tsx';
import { patientsExportHref, type PatientExportFilters } from './exportLinks.ts';

const statusOptions = [
  { value: '', label: 'All patients' },
  { value: 'true', label: 'Active only' },
  { value: 'false', label: 'Deactivated only' },
];

export function PatientsExportCard() {
  const [filters, setFilters] = useState<PatientExportFilters>({ q: '', active: '' });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="patients-export-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="patients-export-heading">
          Patients
        </Title>
        <Text size="sm">One row per patient, by name: contact details, date of birth, status and whether they can sign in.</Text>
        <TextInput
          label="Search patients"
          description="Words of the name, email or phone, or a date of birth; empty for everyone"
          type="search"
          value={filters.q}
          onChange={(event) => setFilters({ ...filters, q: event.currentTarget.value })}
          maxLength={100}
          autoComplete="off"
        />
        <NativeSelect
          label="Patient status"
          data={statusOptions}
          value={filters.active}
          onChange={(event) => setFilters({ ...filters, active: event.currentTarget.value as PatientExportFilters['active'] })}
        />
        <ExportLink href={patientsExportHref(filters)} what="patients" />
      </Stack>
    </Paper>
  );
}
