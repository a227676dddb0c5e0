import { Anchor, Box, Button, Container, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useHospital } from '../api/hospital.ts';
import { useSession } from '../api/session.ts';
import type { Hospital } from '../api/types.ts';
import { mailtoHref, telHref } from './contact.ts';
import { Loading } from './Loading.tsx';

function HeaderLinks() {
  const session = useSession();
  const doctors = (
    <Button component={Link} to="/doctors" variant="subtle" size="sm" visibleFrom="sm">
      Our doctors
    </Button>
  );
  if (session.isPending) return doctors;
  if (session.data) {
    return (
      <Group gap="xs" wrap="nowrap">
        {doctors}
        <Button component={Link} to="/app" size="sm">
          My dashboard
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      {doctors}
      <Button component={Link} to="/login" variant="subtle" size="sm">
        Log in
      </Button>
      <Button component={Link} to="/register" size="sm" visibleFrom="xs">
        Register
      </Button>
    </Group>
  );
}

/** The hospital's name and how to reach it, on every public page. */
function FooterContact({ hospital }: { hospital: Hospital | undefined }) {
  if (!hospital) return null;
  const { address, phone, email } = hospital;
  return (
    <Group gap="xs" wrap="wrap" style={{ columnGap: 'var(--mantine-spacing-lg)' }}>
      {address && <Text size="sm">{address.replace(/\s*\n\s*/g, ', ')}</Text>}
      {phone && (
        <Text size="sm">
          Phone:{' '}
          <Anchor href={telHref(phone)} c="care.8" underline="always">
            {phone}
          </Anchor>
        </Text>
      )}
      {email && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Email:{' '}
          <Anchor href={mailtoHref(email)} c="care.8" underline="always">
            {email}
          </Anchor>
        </Text>
      )}
    </Group>
  );
}

export function PublicLayout() {
  const hospital = useHospital();
  const name = hospital.data?.name;
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            {name ? (
              <Anchor component={Link} to="/" fw={700} fz="lg" c="care.8" underline="never" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {name}
              </Anchor>
            ) : (
              <Skeleton height={24} width={180} />
            )}
            <nav aria-label="Account">
              <HeaderLinks />
            </nav>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} style={{ flex: 1 }}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Box>
      <Box component="footer" py="lg" bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Stack gap={4}>
            <Text fw={700}>{name ?? ' '}</Text>
            <FooterContact hospital={hospital.data} />
          </Stack>
        </Container>
      </Box>
    </Box>
  );
}
