import { Anchor, Button, Group, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { usePatientSearch, type PatientSummary } from '../api.ts';

interface PatientChooserProps {
  value: PatientSummary | null;
  onChange: (patient: PatientSummary | null) => void;
  error?: string | undefined;
}

function patientLine(patient: PatientSummary): string {
  return [`born ${patient.dateOfBirth} (age ${patient.age})`, patient.phone, patient.email].filter(Boolean).join(' · ');
}

function ChosenPatient({ patient, onChange, focus }: { patient: PatientSummary; onChange: (patient: null) => void; focus: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Paper withBorder p="md" ref={ref} tabIndex={-1} role="group" aria-label={`Booking for ${patient.name}`}>
      <Group justify="space-between" gap="sm">
        <div>
          <Text size="sm">Booking for</Text>
          <Text fw={700}>{patient.name}</Text>
          <Text size="sm">{patientLine(patient)}</Text>
        </div>
        <Button variant="default" onClick={() => onChange(null)}>
          Choose another patient
        </Button>
      </Group>
    </Paper>
  );
}

/** Staff booking on someone's behalf first find the patient (GET /api/patients?q=). */
export function PatientChooser({ value, onChange, error }: PatientChooserProps) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const search = usePatientSearch(debounced);
  const [justChosen, setJustChosen] = useState(false);

  if (value) return <ChosenPatient patient={value} onChange={onChange} focus={justChosen} />;

  const searching = debounced.length >= 2;
  const items = searching ? (search.data?.items ?? []) : [];
  return (
    <Stack gap="sm">
      <TextInput
        label="Find the patient"
        description="At least two characters of the name, email, phone or date of birth (YYYY-MM-DD)."
        type="search"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        error={error}
        errorProps={errorProps}
        autoComplete="off"
        maw={480}
      />
      {search.isError && <FormError title="Could not search patients" message={errorMessage(search.error)} />}
      <div role="status">
        {searching && search.isFetching && <Text size="sm">Searching…</Text>}
        {searching && search.isSuccess && !search.isFetching && (
          <Text size="sm">{items.length === 0 ? 'No patients match.' : `${items.length} patient${items.length === 1 ? '' : 's'} found.`}</Text>
        )}
      </div>
      {items.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Matching patients">
          {items.map((patient) => (
            <Paper key={patient.id} withBorder p="sm" component="li">
              <Group justify="space-between" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text fw={700}>{patient.name}</Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {patientLine(patient)}
                  </Text>
                </div>
                <Button size="sm" variant="light" onClick={() => {
                    setJustChosen(true);
                    onChange(patient);
                  }}>
                  Choose<VisuallyHidden> {patient.name}</VisuallyHidden>
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Text size="sm">
        New patient?{' '}
        <Anchor component={Link} to="/app/patients" c="care.8" underline="always">
          Register them on the Patients page
        </Anchor>
        , then come back here.
      </Text>
    </Stack>
  );
}
