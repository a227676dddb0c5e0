import type { Role } from '../../api/types.ts';

export interface NavItem {
  label: string;
  path: string;
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  doctor: 'Doctor',
  patient: 'Patient',
  receptionist: 'Receptionist',
};

const dashboard: NavItem = { label: 'Dashboard', path: '/app' };

export const navByRole: Record<Role, NavItem[]> = {
  admin: [
    dashboard,
    { label: 'Users', path: '/app/users' },
    { label: 'Doctors', path: '/app/doctors' },
    { label: 'Patients', path: '/app/patients' },
    { label: 'Specializations', path: '/app/specializations' },
    { label: 'Appointments', path: '/app/appointments' },
    { label: 'Settings', path: '/app/settings' },
    { label: 'Audit log', path: '/app/audit' },
    { label: 'Exports', path: '/app/exports' },
    { label: 'Formulary', path: '/app/formulary' },
  ],
  doctor: [
    dashboard,
    { label: 'Requests', path: '/app/requests' },
    { label: 'My schedule', path: '/app/schedule' },
    { label: 'Availability', path: '/app/availability' },
    { label: 'My patients', path: '/app/patients' },
    { label: 'My profile', path: '/app/profile' },
  ],
  patient: [
    dashboard,
    { label: 'Book an appointment', path: '/app/book' },
    { label: 'My appointments', path: '/app/appointments' },
    { label: 'My profile', path: '/app/profile' },
    { label: 'Medical history', path: '/app/history' },
    { label: 'My visits', path: '/app/visits' },
    { label: 'My prescriptions', path: '/app/prescriptions' },
  ],
  receptionist: [
    dashboard,
    { label: 'Patients', path: '/app/patients' },
    { label: 'Appointments', path: '/app/appointments' },
    { label: 'Book for a patient', path: '/app/book' },
  ],
};

export const accountNav: NavItem[] = [
  { label: 'Notifications', path: '/app/notifications' },
  { label: 'Change password', path: '/app/password' },
  { label: 'Two-step verification', path: '/app/security' },
];

export function findNavItem(role: Role, path: string): NavItem | undefined {
  return navByRole[role].find((item) => item.path === path);
}
