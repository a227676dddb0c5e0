import { Anchor, Box, Button, Container, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useHospital } from '../api/hospital.ts';
import { useSession } from '../api/session.ts';
import { Loading } from './Loading.tsx';

function HeaderLinks() {
  const session = useSession();
  if (session.isPending) return null;
  if (session.data) {
    return (
      <Button component={Link} to="/app" size="sm">
        My dashboard
      </Button>
    );
  }
  return (
    <Group gap="xs">
      <Button component={Link} to="/login" variant="subtle" size="sm">
        Log in
      </Button>
      <Button component={Link} to="/register" size="sm" visibleFrom="xs">
        Register
      </Button>
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
          <Group justify="space-between" wrap="nowrap">
            {name ? (
              <Anchor component={Link} to="/" fw={700} fz="lg" c="care.8" underline="never">
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
            {hospital.data?.address && <Text size="sm">{hospital.data.address}</Text>}
            {hospital.data?.phone && (
              <Text size="sm">
                Phone:{' '}
                <Anchor href={`tel:${hospital.data.phone.replace(/[^+0-9]/g, '')}`} c="care.8" underline="always">
                  {hospital.data.phone}
                </Anchor>
              </Text>
            )}
            {hospital.data?.email && (
              <Text size="sm">
                Email:{' '}
                <Anchor href={`mailto:${hospital.data.email}`} c="care.8" underline="always">
                  {hospital.data.email}
                </Anchor>
              </Text>
            )}
            {hospital.data?.openingHours && <Text size="sm">Opening hours: {hospital.data.openingHours}</Text>}
          </Stack>
        </Container>
      </Box>
    </Box>
  );
}
