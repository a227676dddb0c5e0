import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { navByRole, roleLabels } from './nav.ts';
import { useCurrentUser } from './useCurrentUser.ts';

const UpcomingSummary = lazy(() =>
  import('../scheduling/appointments/UpcomingSummary.tsx').then((m) => ({ default: m.UpcomingSummary })),
);

const AdminDashboard = lazy(() => import('../admin/dashboard/AdminDashboard.tsx').then((m) => ({ default: m.AdminDashboard })));

const introByRole = {
  admin: 'Manage staff accounts, doctors, patients and the hospital’s booking rules.',
  doctor: 'Review appointment requests, keep your schedule up to date and follow your patients.',
  patient: 'Book appointments, follow their status and keep your medical history up to date.',
  receptionist: 'Register patients, book appointments on their behalf and manage the day’s schedule.',
} as const;

export function DashboardPage() {
  const user = useCurrentUser();
  const shortcuts = navByRole[user.role].filter((item) => item.path !== '/app');
  return (
    <Stack gap="lg" maw={user.role === 'admin' ? 1200 : 960}>
      <PageTitle mb={0}>{`${roleLabels[user.role]} dashboard`}</PageTitle>
      <Card withBorder padding="lg">
        <Title order={2} size="h3">
          Welcome, {user.name}
        </Title>
        <Text mt="xs">{introByRole[user.role]}</Text>
        <Text mt="xs" size="sm">
          Signed in as {user.email}
        </Text>
      </Card>
      {user.role === 'admin' && (
        <Suspense fallback={<Loading label="Loading the hospital overview…" />}>
          <AdminDashboard />
        </Suspense>
      )}
      {user.role === 'patient' && (
        <Suspense fallback={null}>
          <UpcomingSummary />
        </Suspense>
      )}
      <section aria-labelledby="shortcuts-heading">
        <Title order={2} size="h3" id="shortcuts-heading" mb="sm">
          Shortcuts
        </Title>
        <Group gap="sm">
          {shortcuts.map((item) => (
            <Button key={item.path} component={Link} to={item.path} variant="light">
              {item.label}
            </Button>
          ))}
        </Group>
      </section>
    </Stack>
  );
}
