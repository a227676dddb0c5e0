import { lazy } from 'react';
import { NotFoundPage } from '../../errors/NotFoundPage.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';

const PatientProfilePage = lazy(() => import('./PatientProfilePage.tsx').then((m) => ({ default: m.PatientProfilePage })));
const DoctorProfilePage = lazy(() => import('./DoctorProfilePage.tsx').then((m) => ({ default: m.DoctorProfilePage })));

/** "My profile" (/app/profile): a patient's or a doctor's own profile. */
export function ProfilePage() {
  const user = useCurrentUser();
  if (user.role === 'patient' && user.patientId) return <PatientProfilePage patientId={user.patientId} />;
  if (user.role === 'doctor' && user.doctorId) return <DoctorProfilePage doctorId={user.doctorId} />;
  return <NotFoundPage homePath="/app" />;
}
