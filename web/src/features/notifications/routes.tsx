import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const NotificationsPage = lazy(() => import('./NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));
const PreferencesPage = lazy(() => import('./PreferencesPage.tsx').then((m) => ({ default: m.PreferencesPage })));

/** Signed-in notification pages, under /app, for every role. */
export const notificationAppRoutes: RouteObject[] = [
  { path: 'notifications', element: <NotificationsPage /> },
  { path: 'notifications/preferences', element: <PreferencesPage /> },
];
