import { useMutation } from '@tanstack/react-query';
import { changeAppointment, useRefreshScheduling, type Appointment, type AppointmentAction } from '../api.ts';

/** Runs one transition on an appointment; every list and the free slots are refreshed afterwards, success or not. */
export function useAppointmentAction(id: string, onDone?: (appointment: Appointment, action: AppointmentAction) => void) {
  const refresh = useRefreshScheduling();
  return useMutation({
    mutationFn: (action: AppointmentAction) => changeAppointment(id, action),
    onSuccess: (appointment, action) => onDone?.(appointment, action),
    onSettled: () => refresh(),
  });
}
