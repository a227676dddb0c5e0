import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const FormularyPage = lazy(() => import('./formulary/FormularyPage.tsx').then((m) => ({ default: m.FormularyPage })));

const MyPrescriptionsPage = lazy(() => import('./prescriptions/MyPrescriptionsPage.tsx').then((m) => ({ default: m.MyPrescriptionsPage })));

/** Signed-in pages of consultations, prescriptions and the formulary, under /app. Each page checks the role itself. */
export const clinicAppRoutes: RouteObject[] = [
  { path: 'formulary', element: <FormularyPage /> },
  { path: 'prescriptions', element: <MyPrescriptionsPage /> },
];
