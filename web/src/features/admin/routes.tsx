import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const AuditPage = lazy(() => import('./audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const ExportsPage = lazy(() => import('./exports/ExportsPage.tsx').then((m) => ({ default: m.ExportsPage })));

/** Admin-only pages under /app: each page checks the role itself and answers "not found" to anyone else. */
export const adminAppRoutes: RouteObject[] = [
  { path: 'settings', element: <SettingsPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'exports', element: <ExportsPage /> },
];
