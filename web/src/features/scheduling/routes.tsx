import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const BookPage = lazy(() => import('./book/BookPage.tsx').then((m) => ({ default: m.BookPage })));
const AppointmentsPage = lazy(() => import('./appointments/AppointmentsPage.tsx').then((m) => ({ default: m.AppointmentsPage })));
const AppointmentDetailPage = lazy(() =>
  import('./appointments/AppointmentDetailPage.tsx').then((m) => ({ default: m.AppointmentDetailPage })),
);
const ReschedulePage = lazy(() => import('./appointments/ReschedulePage.tsx').then((m) => ({ default: m.ReschedulePage })));
const RequestsPage = lazy(() => import('./doctor/RequestsPage.tsx').then((m) => ({ default: m.RequestsPage })));
const SchedulePage = lazy(() => import('./doctor/SchedulePage.tsx').then((m) => ({ default: m.SchedulePage })));
const AvailabilityPage = lazy(() => import('./availability/AvailabilityPage.tsx').then((m) => ({ default: m.AvailabilityPage })));

/** Signed-in pages of the scheduling feature, under /app. Each page checks the role and answers "not found" to others. */
export const schedulingAppRoutes: RouteObject[] = [
  { path: 'book', element: <BookPage /> },
  { path: 'appointments', element: <AppointmentsPage /> },
  { path: 'appointments/:id', element: <AppointmentDetailPage /> },
  { path: 'appointments/:id/reschedule', element: <ReschedulePage /> },
  { path: 'requests', element: <RequestsPage /> },
  { path: 'schedule', element: <SchedulePage /> },
  { path: 'availability', element: <AvailabilityPage /> },
];
