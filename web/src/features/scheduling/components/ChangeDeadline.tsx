import { Text } from '@mantine/core';
import { useState } from 'react';
import type { Role } from '../../../api/types.ts';
import { formatDateTime } from '../time.ts';

interface ChangeDeadlineProps {
  start: string;
  timeZone: string;
  role: Role;
  /** From the booking rules of the public hospital information; null while they load. */
  noticeHours: number | null;
}

/** The policy deadline for patients' own changes, stated before anyone acts. */
export function ChangeDeadline({ start, timeZone, role, noticeHours }: ChangeDeadlineProps) {
  const [now] = useState(() => Date.now());
  if (noticeHours !== null) {
    const deadline = new Date(new Date(start).getTime() - noticeHours * 3_600_000);
    const when = `${formatDateTime(deadline, timeZone)} (${timeZone})`;
    const passed = deadline.getTime() < now;
    if (role === 'patient') {
      return (
        <Text size="sm">
          {passed
            ? `The deadline for changing this appointment online was ${when}. Please call the hospital to change it.`
            : `You can cancel or move this appointment online until ${when}, ${noticeHours} hours before it starts.`}
        </Text>
      );
    }
    return (
      <Text size="sm">
        Patients can change it themselves until {when} ({noticeHours} hours before the start); staff can change it at any time.
      </Text>
    );
  }
  if (role === 'patient') {
    return (
      <Text size="sm">
        You can cancel or move an appointment online until the hospital&rsquo;s notice period before it starts. If that
        deadline has passed, we will tell you the exact time and you can call the hospital instead.
      </Text>
    );
  }
  return (
    <Text size="sm">
      Patients can change it themselves only until the hospital&rsquo;s notice period before the start; staff can change it at any
      time.
    </Text>
  );
}
