import { Text } from '@mantine/core';
import { useState } from 'react';
import { useHospital } from '../../../api/hospital.ts';
import type { Role } from '../../../api/types.ts';
import type { Appointment } from '../api.ts';
import { formatDateTime } from '../time.ts';

interface ChangeDeadlineProps {
  appointment: Pick<Appointment, 'changeDeadline' | 'allowedActions'>;
  timeZone: string;
  role: Role;
}

/** The server's deadline for a patient's own changes, in the hospital's local time with its zone; staff are told they are not bound by it. */
export function ChangeDeadline({ appointment, timeZone, role }: ChangeDeadlineProps) {
  const [now] = useState(() => Date.now());
  const hospital = useHospital();
  const { changeDeadline, allowedActions } = appointment;
  const canChange = allowedActions.includes('cancel') || allowedActions.includes('reschedule');
  if (role !== 'patient') {
    // The notice window binds patients only: the server sends no deadline to staff.
    return canChange ? (
      <Text size="sm">Patients can change it online only until the notice period before it starts; staff can change it at any time.</Text>
    ) : null;
  }
  if (changeDeadline === null) return null;
  const when = `${formatDateTime(changeDeadline, timeZone)} (${timeZone})`;
  if (!canChange && new Date(changeDeadline).getTime() < now) {
    const phone = hospital.data?.phone;
    return (
      <Text size="sm">
        Changes were possible until {when}. {phone ? `To change it now, call the hospital on ${phone}.` : 'To change it now, call the hospital.'}
      </Text>
    );
  }
  if (canChange) return <Text size="sm">You can cancel or move this appointment online until {when}.</Text>;
  return null;
}
