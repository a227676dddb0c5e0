import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const FormularyPage = lazy(() => import('./formulary/FormularyPage.tsx').then((m) => ({ default: m.FormularyPage })));

const MyPrescriptionsPage = lazy(() => import('./prescriptions/MyPrescriptionsPage.tsx').then((m) => ({ default: m.MyPrescriptionsPage })));

const ConsultationPage = lazy(() => import('./consultation/ConsultationPage.tsx').then((m) => ({ default: m.ConsultationPage })));

const VisitsPage = lazy(() => import('./visits/VisitsPage.tsx').then((m) => ({ default: m.VisitsPage })));
const VisitRecordPage = lazy(() => import('./record/VisitRecordPage.tsx').then((m) => ({ default: m.VisitRecordPage })));
const VisitDetailPage = lazy(() => import('./visits/VisitDetailPage.tsx').then((m) => ({ default: m.VisitDetailPage })));

/** Signed-in pages of consultations, prescriptions and the formulary, under /app. Each page checks the role itself. */
export const clinicAppRoutes: RouteObject[] = [
  { path: 'formulary', element: <FormularyPage /> },
  { path: 'prescriptions', element: <MyPrescriptionsPage /> },
  { path: 'appointments/:id/consultation', element: <ConsultationPage /> },
  { path: 'visits', element: <VisitsPage /> },
  { path: 'visits/:id', element: <VisitDetailPage /> },
  { path: 'patients/:patientId/visits/:id', element: <VisitRecordPage /> },
];
