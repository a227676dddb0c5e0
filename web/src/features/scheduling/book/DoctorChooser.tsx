import { Group, NativeSelect, Paper, Radio, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { errorProps } from '../../../components/form.ts';
import './DoctorChooser.css';
import { useDoctors, useSpecializations, type Doctor } from '../api.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatFee } from '../money.ts';

interface DoctorChooserProps {
  specializationId: string;
  onSpecializationChange: (id: string) => void;
  doctorId: string | null;
  onDoctorChange: (doctor: Doctor) => void;
  error?: string | undefined;
}

function DoctorCard({ doctor, checked, onChoose }: { doctor: Doctor; checked: boolean; onChoose: () => void }) {
  const nameId = useId();
  const detailsId = useId();
  const facts = [
    doctor.consultationFee ? `Consultation fee: ${formatFee(doctor.consultationFee)}` : null,
    doctor.yearsOfExperience !== undefined ? `${doctor.yearsOfExperience} years’ experience` : null,
    doctor.languages.length > 0 ? `Speaks ${doctor.languages.join(', ')}` : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <Paper withBorder p="md" component="label" className="choice-card" data-checked={checked}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Radio
          value={doctor.id}
          checked={checked}
          onChange={onChoose}
          name="doctor"
          aria-labelledby={nameId}
          aria-describedby={detailsId}
          mt={4}
        />
        <div style={{ minWidth: 0 }}>
          <Text fw={700} id={nameId}>
            {doctor.name}
          </Text>
          <div id={detailsId}>
            <Text size="sm">{[doctor.specialization.name, doctor.department].filter(Boolean).join(' · ')}</Text>
            {facts.length > 0 && <Text size="sm">{facts.join(' · ')}</Text>}
            {doctor.bio && (
              <Text size="sm" c="dimmed" lineClamp={3} mt={4}>
                {doctor.bio}
              </Text>
            )}
          </div>
        </div>
      </Group>
    </Paper>
  );
}

/** Choose a specialty, then one of its doctors (profile and fee shown). */
export function DoctorChooser({ specializationId, onSpecializationChange, doctorId, onDoctorChange, error }: DoctorChooserProps) {
  const specializations = useSpecializations();
  const doctors = useDoctors(specializationId);
  const legendId = useId();
  const errorId = useId();
  const options = [
    { value: '', label: 'Choose a specialty…', disabled: true },
    ...(specializations.data ?? []).map((item) => ({ value: item.id, label: item.name })),
  ];

  return (
    <Stack gap="md">
      {specializations.isError || specializations.isPending ? (
        <QueryState query={specializations} what="specialties" />
      ) : (
        <NativeSelect
          label="Specialty"
          value={specializationId}
          onChange={(event) => onSpecializationChange(event.currentTarget.value)}
          data={options}
          maw={480}
        />
      )}
      {specializationId === '' ? (
        <Text size="sm">Choose a specialty to see its doctors.</Text>
      ) : doctors.isPending || doctors.isError ? (
        <QueryState query={doctors} what="doctors" />
      ) : doctors.data.items.length === 0 ? (
        <Text>No doctors of this specialty take bookings online at the moment.</Text>
      ) : (
        <div role="radiogroup" aria-labelledby={legendId} aria-describedby={error ? errorId : undefined} aria-required="true">
          <Text fw={600} id={legendId} mb="xs">
            Doctor
          </Text>
          <Stack gap="xs">
            {doctors.data.items.map((doctor) => (
              <DoctorCard key={doctor.id} doctor={doctor} checked={doctor.id === doctorId} onChoose={() => onDoctorChange(doctor)} />
            ))}
          </Stack>
          {error && (
            <Text c="var(--mantine-color-error)" size="sm" mt="xs" id={errorId} {...errorProps}>
              {error}
            </Text>
          )}
        </div>
      )}
    </Stack>
  );
}
