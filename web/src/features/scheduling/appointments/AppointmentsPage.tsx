import { lazy } from 'react';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { NotFoundPage } from '../../errors/NotFoundPage.tsx';

const PatientAppointmentsPage = lazy(() => import('./PatientAppointmentsPage.tsx').then((m) => ({ default: m.PatientAppointmentsPage })));
const StaffAppointmentsPage = lazy(() => import('./StaffAppointmentsPage.tsx').then((m) => ({ default: m.StaffAppointmentsPage })));

/** /app/appointments: the patient's own appointments, or every appointment for the front desk and admins. */
export function AppointmentsPage() {
  const { role } = useCurrentUser();
  if (role === 'patient') return <PatientAppointmentsPage />;
  if (role === 'admin' || role === 'receptionist') return <StaffAppointmentsPage />;
  return <NotFoundPage homePath="/app" />;
}
