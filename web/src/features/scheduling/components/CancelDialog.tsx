import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../api/types.ts';
import { FormError } from '../../../components/FormError.tsx';
import type { Appointment } from '../api.ts';
import { describeProblem } from '../status.ts';
import { formatRange } from '../time.ts';
import { ChangeDeadline } from './ChangeDeadline.tsx';
import { Dialog } from './Dialog.tsx';
import { useAppointmentAction } from './useAppointmentAction.ts';

interface CancelDialogProps {
  appointment: Appointment;
  timeZone: string;
  role: Role;
  onClose: () => void;
  onDone: (message: string) => void;
}

function CancelForm({ appointment, timeZone, role, onClose, onDone }: CancelDialogProps) {
  const [reason, setReason] = useState('');
  const action = useAppointmentAction(appointment.id, () => {
    onClose();
    onDone(`Appointment cancelled: ${formatRange(appointment.start, appointment.end, timeZone)}.`);
  });
  const problem = action.isError ? describeProblem(action.error, 'Could not cancel the appointment') : null;
  const other = role === 'patient' ? appointment.doctorName : `${appointment.patientName} with ${appointment.doctorName}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    action.mutate({ kind: 'cancel', ...(text ? { reason: text } : {}) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600}>
          {other} · {formatRange(appointment.start, appointment.end, timeZone)} ({timeZone})
        </Text>
        <ChangeDeadline appointment={appointment} timeZone={timeZone} role={role} />
        <Textarea
          label="Reason (optional)"
          description={role === 'patient' ? 'The doctor will see this.' : 'The patient will see this.'}
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        {problem && <FormError title={problem.title} message={problem.message} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Keep the appointment
          </Button>
          <Button type="submit" color="red.9" loading={action.isPending}>
            Cancel the appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CancelDialog({ opened, ...props }: CancelDialogProps & { opened: boolean }) {
  return (
    <Dialog opened={opened} onClose={props.onClose} title="Cancel this appointment?">
      <CancelForm {...props} />
    </Dialog>
  );
}
