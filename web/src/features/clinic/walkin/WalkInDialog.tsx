import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { Dialog } from '../../people/shared/Dialog.tsx';
import { bookAppointment, newIdempotencyKey, useAllDoctors, useRefreshScheduling, type Appointment, type PatientSummary } from '../../scheduling/api.ts';
import { PatientChooser } from '../../scheduling/book/PatientChooser.tsx';
import { describeProblem } from '../../scheduling/status.ts';
import { keyedProblems } from '../problems.ts';

interface WalkInFormProps {
  onClose: () => void;
  onBooked: (appointment: Appointment) => void;
}

function WalkInForm({ onClose, onBooked }: WalkInFormProps) {
  const doctors = useAllDoctors();
  const refresh = useRefreshScheduling();
  const [doctorId, setDoctorId] = useState('');
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [key] = useState(newIdempotencyKey);
  const book = useMutation({
    mutationFn: () => bookAppointment({ doctorId, patientId: patient?.id ?? '', walkIn: true, reason: reason.trim() }, key),
    onSuccess: async (appointment) => {
      await refresh();
      onBooked(appointment);
      onClose();
    },
    onError: (error) => setErrors(keyedProblems(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    book.reset();
    const found: Record<string, string> = {};
    if (doctorId === '') found.doctorId = 'Choose the doctor who will see the patient.';
    if (!patient) found.patientId = 'Find and choose the patient.';
    if (reason.trim() === '') found.reason = 'Give the reason for the visit.';
    setErrors(found);
    if (Object.keys(found).length === 0) book.mutate();
  }

  const problem = book.isError ? describeProblem(book.error, 'The walk-in was not booked') : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {problem && <FormError title={problem.title} message={problem.message} />}
        <NativeSelect
          label="Doctor"
          data-autofocus
          value={doctorId}
          onChange={(event) => setDoctorId(event.currentTarget.value)}
          data={[{ value: '', label: doctors.isPending ? 'Loading doctors…' : 'Choose a doctor' }, ...(doctors.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.specialization.name})` }))]}
          error={errors.doctorId}
          errorProps={errorProps}
        />
        <PatientChooser value={patient} onChange={setPatient} error={errors.patientId} />
        <Textarea
          label="Reason for the visit"
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          errorProps={errorProps}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={book.isPending}>
            Book walk-in now
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A walk-in: the patient is seen now by a doctor, outside the slot grid; confirmed at once, refused when it overlaps. */
export function WalkInButton({ onBooked }: { onBooked: (appointment: Appointment) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        Walk-in…
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title="Walk-in: see a patient now" size="lg">
        {open && <WalkInForm onClose={() => setOpen(false)} onBooked={onBooked} />}
      </Dialog>
    </>
  );
}
