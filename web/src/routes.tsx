import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RootLayout } from './components/RootLayout.tsx';
import { RouteError } from './components/RouteError.tsx';
import { peopleAppRoutes, peoplePublicRoutes } from './features/people/routes.tsx';
import { schedulingAppRoutes } from './features/scheduling/routes.tsx';
import { notificationAppRoutes } from './features/notifications/routes.tsx';
import { adminAppRoutes } from './features/admin/routes.tsx';
import { clinicAppRoutes } from './features/clinic/routes.tsx';

const PublicLayout = lazy(() => import('./components/PublicLayout.tsx').then((m) => ({ default: m.PublicLayout })));
const HomePage = lazy(() => import('./features/setup/HomeOrFirstRun.tsx').then((m) => ({ default: m.HomeOrFirstRun })));
const FirstRunPage = lazy(() => import('./features/setup/FirstRunPage.tsx').then((m) => ({ default: m.FirstRunPage })));
const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => import('./features/auth/RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })));
const ForgotPasswordPage = lazy(() => import('./features/auth/ForgotPasswordPage.tsx').then((m) => ({ default: m.ForgotPasswordPage })));
const SecurityPage = lazy(() => import('./features/auth/SecurityPage.tsx').then((m) => ({ default: m.SecurityPage })));
const ResetPasswordPage = lazy(() => import('./features/auth/ResetPasswordPage.tsx').then((m) => ({ default: m.ResetPasswordPage })));
const NotFoundPage = lazy(() => import('./features/errors/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })));
const AppLayout = lazy(() => import('./features/app/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const DashboardPage = lazy(() => import('./features/app/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const SectionPage = lazy(() => import('./features/app/SectionPage.tsx').then((m) => ({ default: m.SectionPage })));
const ChangePasswordPage = lazy(() =>
  import('./features/auth/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'setup', element: <FirstRunPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          ...peoplePublicRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: 'app',
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'password', element: <ChangePasswordPage /> },
          { path: 'security', element: <SecurityPage /> },
          ...peopleAppRoutes,
          ...schedulingAppRoutes,
          ...notificationAppRoutes,
          ...adminAppRoutes,
          ...clinicAppRoutes,
          { path: '*', element: <SectionPage /> },
        ],
      },
    ],
  },
]);
