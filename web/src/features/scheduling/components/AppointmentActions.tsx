import { Button, Group, Stack, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../../api/types.ts';
import { FormError } from '../../../components/FormError.tsx';
import type { Appointment, AppointmentAction } from '../api.ts';
import { describeProblem } from '../status.ts';
import { formatDateTime } from '../time.ts';
import { CancelDialog } from './CancelDialog.tsx';
import { DeclineDialog } from './DeclineDialog.tsx';
import { useAppointmentAction } from './useAppointmentAction.ts';

export interface AppointmentActionsProps {
  appointment: Appointment;
  role: Role;
  timeZone: string;
  /** Called with a sentence to announce after a change succeeded. */
  onDone: (message: string) => void;
}

const doneMessages: Record<AppointmentAction['kind'], string> = {
  confirm: 'Appointment confirmed',
  reject: 'Request declined',
  cancel: 'Appointment cancelled',
  reschedule: 'Appointment moved',
  complete: 'Marked as completed',
  no_show: 'Marked as a no-show',
};

/** The buttons for what the role may do with the appointment now; each name says which appointment it acts on. */
export function AppointmentActions({ appointment, role, timeZone, onDone }: AppointmentActionsProps) {
  const [dialog, setDialog] = useState<'reject' | 'cancel' | null>(null);
  const direct = useAppointmentAction(appointment.id, (_changed, action) =>
    onDone(
      `${doneMessages[action.kind]}: ${role === 'patient' ? appointment.doctorName : appointment.patientName}, ${formatDateTime(appointment.start, timeZone)}.`,
    ),
  );
  const actions = appointment.allowedActions;
  if (actions.length === 0) return null;

  const when = formatDateTime(appointment.start, timeZone);
  const context = role === 'patient' ? ` with ${appointment.doctorName} on ${when}` : ` for ${appointment.patientName} on ${when}`;
  const about = <VisuallyHidden>{context}</VisuallyHidden>;
  const busy = (kind: AppointmentAction['kind']) => direct.isPending && direct.variables?.kind === kind;
  const problem = direct.isError ? describeProblem(direct.error, 'The change did not go through') : null;

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {actions.includes('confirm') && (
          <Button size="sm" onClick={() => direct.mutate({ kind: 'confirm' })} loading={busy('confirm')}>
            Confirm{about}
          </Button>
        )}
        {actions.includes('reject') && (
          <Button size="sm" variant="outline" color="red.9" onClick={() => setDialog('reject')}>
            Decline…{about}
          </Button>
        )}
        {actions.includes('complete') && (
          <Button size="sm" variant="light" onClick={() => direct.mutate({ kind: 'complete' })} loading={busy('complete')}>
            Mark completed{about}
          </Button>
        )}
        {actions.includes('no_show') && (
          <Button size="sm" variant="default" onClick={() => direct.mutate({ kind: 'no_show' })} loading={busy('no_show')}>
            Mark no-show{about}
          </Button>
        )}
        {actions.includes('reschedule') && (
          <Button size="sm" variant="default" component={Link} to={`/app/appointments/${appointment.id}/reschedule`}>
            Reschedule{about}
          </Button>
        )}
        {actions.includes('cancel') && (
          <Button size="sm" variant="outline" color="red.9" onClick={() => setDialog('cancel')}>
            Cancel…{about}
          </Button>
        )}
      </Group>
      {problem && <FormError title={problem.title} message={problem.message} />}
      <DeclineDialog
        opened={dialog === 'reject'}
        appointment={appointment}
        timeZone={timeZone}
        onClose={() => setDialog(null)}
        onDone={onDone}
      />
      <CancelDialog
        opened={dialog === 'cancel'}
        appointment={appointment}
        timeZone={timeZone}
        role={role}
        onClose={() => setDialog(null)}
        onDone={onDone}
      />
    </Stack>
  );
}
