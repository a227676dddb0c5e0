import { AppShell, Badge, Box, Burger, Button, Container, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useHospital } from '../../api/hospital.ts';
import { errorMessage } from '../../api/problem.ts';
import { signOut, useSession } from '../../api/session.ts';
import type { SessionUser } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { withNext } from '../auth/safeNext.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { AppNavbar } from './AppNavbar.tsx';
import { IdleGuard } from './IdleGuard.tsx';
import { roleLabels } from './nav.ts';

function SignOutIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" />
      <path d="M16 17l5-5-5-5" />
      <path d="M21 12H9" />
    </svg>
  );
}

function SignedInShell({ user, idleMinutes }: { user: SessionUser; idleMinutes: number }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const hospitalName = useHospital().data?.name ?? 'Hospital';
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useMutation({
    mutationFn: signOut,
    onSettled: () => void navigate('/login', { replace: true }),
  });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
            />
            <Text component={Link} to="/" fw={700} fz={{ base: 'sm', sm: 'lg' }} lh={1.15} c="care.8" lineClamp={3} className="header-name">
              {hospitalName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Group gap="xs" visibleFrom="sm" wrap="nowrap">
              <Text fw={600}>{user.name}</Text>
              <Badge variant="outline" color="gray.8">
                {roleLabels[user.role]}
              </Badge>
            </Group>
            {!user.mustEnrolSecondFactor && <NotificationBell />}
            {/* On a phone the button is its icon alone, so that the hospital's name keeps the room it needs. */}
            <Button
              variant="default"
              size="sm"
              px="xs"
              aria-label="Sign out"
              title="Sign out"
              leftSection={<SignOutIcon />}
              onClick={() => logout.mutate()}
              loading={logout.isPending}
            >
              <Box component="span" visibleFrom="sm">
                Sign out
              </Box>
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppNavbar user={user} onNavigate={close} />
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          {user.mustChangePassword && pathname !== '/app/password' ? (
            <Navigate to="/app/password" replace />
          ) : !user.mustChangePassword && user.mustEnrolSecondFactor && pathname !== '/app/security' ? (
            <Navigate to="/app/security" replace />
          ) : (
            <Outlet context={user} />
          )}
        </Suspense>
      </AppShell.Main>
      <IdleGuard idleMinutes={idleMinutes} />
    </AppShell>
  );
}

export function AppLayout() {
  const session = useSession();
  const { pathname, search, hash } = useLocation();
  if (session.isPending) return <Loading label="Checking your session…" />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl" component="main" id="main">
        <PageTitle>We could not check your session</PageTitle>
        <FormError title="Connection problem" message={errorMessage(session.error)} />
        <Button mt="md" onClick={() => void session.refetch()}>
          Try again
        </Button>
      </Container>
    );
  }
  // A signed-out visitor comes back to the page they asked for (such as booking with a chosen doctor) once signed in.
  if (!session.data) return <Navigate to={withNext('/login', `${pathname}${search}${hash}`)} replace />;
  return <SignedInShell user={session.data.user} idleMinutes={session.data.idleMinutes} />;
}
