import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ProfilePage = lazy(() => import('./profile/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));
const MyHistoryPage = lazy(() => import('./history/MyHistoryPage.tsx').then((m) => ({ default: m.MyHistoryPage })));
const PatientsPage = lazy(() => import('./patients/PatientsPage.tsx').then((m) => ({ default: m.PatientsPage })));
const NewPatientPage = lazy(() => import('./patients/NewPatientPage.tsx').then((m) => ({ default: m.NewPatientPage })));
const PatientPage = lazy(() => import('./patients/PatientPage.tsx').then((m) => ({ default: m.PatientPage })));
const UsersPage = lazy(() => import('./users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const NewUserPage = lazy(() => import('./users/NewUserPage.tsx').then((m) => ({ default: m.NewUserPage })));
const EditUserPage = lazy(() => import('./users/EditUserPage.tsx').then((m) => ({ default: m.EditUserPage })));
const DoctorsAdminPage = lazy(() => import('./doctors/DoctorsAdminPage.tsx').then((m) => ({ default: m.DoctorsAdminPage })));
const NewDoctorPage = lazy(() => import('./doctors/NewDoctorPage.tsx').then((m) => ({ default: m.NewDoctorPage })));
const EditDoctorPage = lazy(() => import('./doctors/EditDoctorPage.tsx').then((m) => ({ default: m.EditDoctorPage })));
const SpecializationsPage = lazy(() =>
  import('./specializations/SpecializationsPage.tsx').then((m) => ({ default: m.SpecializationsPage })),
);
const DirectoryPage = lazy(() => import('./directory/DirectoryPage.tsx').then((m) => ({ default: m.DirectoryPage })));
const PublicDoctorPage = lazy(() => import('./directory/PublicDoctorPage.tsx').then((m) => ({ default: m.PublicDoctorPage })));

/** Signed-in pages of the people feature, under /app. Each page checks the role and answers "not found" to the others. */
export const peopleAppRoutes: RouteObject[] = [
  { path: 'profile', element: <ProfilePage /> },
  { path: 'history', element: <MyHistoryPage /> },
  { path: 'patients', element: <PatientsPage /> },
  { path: 'patients/new', element: <NewPatientPage /> },
  { path: 'patients/:id', element: <PatientPage /> },
  { path: 'users', element: <UsersPage /> },
  { path: 'users/new', element: <NewUserPage /> },
  { path: 'users/:id', element: <EditUserPage /> },
  { path: 'doctors', element: <DoctorsAdminPage /> },
  { path: 'doctors/new', element: <NewDoctorPage /> },
  { path: 'doctors/:id', element: <EditDoctorPage /> },
  { path: 'specializations', element: <SpecializationsPage /> },
];

/** Public pages of the people feature (the doctors directory). */
export const peoplePublicRoutes: RouteObject[] = [
  { path: 'doctors', element: <DirectoryPage /> },
  { path: 'doctors/:id', element: <PublicDoctorPage /> },
];
