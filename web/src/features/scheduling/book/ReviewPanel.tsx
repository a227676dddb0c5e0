import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { FormError } from '../../../components/FormError.tsx';
import type { Doctor, PatientSummary } from '../api.ts';
import { SummaryList } from '../components/SummaryList.tsx';
import { formatFee } from '../money.ts';
import { formatDay, localDate, localTime } from '../time.ts';

interface ReviewPanelProps {
  staff: boolean;
  patient: PatientSummary | null;
  doctor: Doctor;
  start: string;
  reason: string;
  timeZone: string;
  sending: boolean;
  problem: { title: string; message: string } | null;
  onBack: () => void;
  onSend: () => void;
}

/** Everything about the booking on one screen before it is sent; the heading takes focus when it appears. */
export function ReviewPanel({ staff, patient, doctor, start, reason, timeZone, sending, problem, onBack, onSend }: ReviewPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const items: [string, string][] = [
    ...(staff && patient ? ([['Patient', `${patient.name} (born ${patient.dateOfBirth})`]] as [string, string][]) : []),
    ['Doctor', doctor.name],
    ['Specialty', [doctor.specialization.name, doctor.department].filter(Boolean).join(' · ')],
    ['Date', formatDay(localDate(start, timeZone))],
    ['Time', `${localTime(start, timeZone)} (${timeZone} time)`],
    ...(doctor.consultationFee ? ([['Consultation fee', formatFee(doctor.consultationFee)]] as [string, string][]) : []),
    ['Reason', reason],
  ];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={720}>
      <Stack gap="md">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1} className="page-heading">
          Check your booking
        </Title>
        <SummaryList items={items} />
        <Text size="sm">
          {staff
            ? 'The patient will be notified. Depending on the hospital’s rules the appointment is confirmed at once or waits for the doctor.'
            : 'Depending on the hospital’s rules your appointment is confirmed at once or after the doctor accepts it. You can follow it under My appointments.'}
        </Text>
        <FormError title={problem?.title ?? ''} message={problem?.message} />
        <Group gap="sm">
          <Button onClick={onSend} loading={sending}>
            {staff ? 'Book appointment' : 'Request appointment'}
          </Button>
          <Button variant="default" onClick={onBack} disabled={sending}>
            Change details
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
