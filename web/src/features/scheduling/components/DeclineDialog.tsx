import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldErrorMap } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import type { Appointment } from '../api.ts';
import { describeProblem } from '../status.ts';
import { formatRange } from '../time.ts';
import { Dialog } from './Dialog.tsx';
import { useAppointmentAction } from './useAppointmentAction.ts';

interface DialogProps {
  appointment: Appointment;
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

function DeclineForm({ appointment, timeZone, onClose, onDone }: DialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAppointmentAction(appointment.id, () => {
    onClose();
    onDone(`Request from ${appointment.patientName} declined. They will see your reason.`);
  });
  const serverField = action.error instanceof ApiError ? fieldErrorMap(action.error.fieldErrors).reason : undefined;
  const problem = action.isError && !serverField ? describeProblem(action.error, 'Could not decline the request') : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    setMissing(text === '');
    if (text !== '') action.mutate({ kind: 'reject', reason: text });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>
          {appointment.patientName} · {formatRange(appointment.start, appointment.end, timeZone)} ({timeZone})
        </Text>
        <Textarea
          label="Reason for declining"
          description="The patient will see this."
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={missing ? 'Give a reason: the patient will see it.' : serverField}
          errorProps={errorProps}
          data-autofocus
        />
        {problem && <FormError title={problem.title} message={problem.message} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Keep the request
          </Button>
          <Button type="submit" color="red.9" loading={action.isPending}>
            Decline request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Declining needs a reason, so it happens in a dialog that takes focus and gives it back on close. */
export function DeclineDialog({ opened, ...props }: DialogProps & { opened: boolean }) {
  return (
    <Dialog opened={opened} onClose={props.onClose} title="Decline this request">
      <DeclineForm {...props} />
    </Dialog>
  );
}
