import { Anchor, Box, Container, Grid, Paper, Stack, Text } from '@mantine/core';
import type { Hospital } from '../../api/types.ts';
import { telHref } from '../../components/contact.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { HomeActions } from './HomeActions.tsx';

function doctorTotal(hospital: Hospital): number {
  return hospital.services.reduce((sum, service) => sum + service.doctorCount, 0);
}

/** Beside the welcome on wide screens: how many doctors, the phone number and the opening hours. */
function AtAGlance({ hospital }: { hospital: Hospital }) {
  const doctors = doctorTotal(hospital);
  const specialties = hospital.services.length;
  if (doctors === 0 && !hospital.phone && !hospital.openingHours) return null;
  return (
    <Paper withBorder shadow="sm" p="lg" visibleFrom="md">
      <Stack gap="md">
        {doctors > 0 && (
          <Text fw={600}>
            {doctors} {doctors === 1 ? 'doctor' : 'doctors'} in {specialties} {specialties === 1 ? 'specialty' : 'specialties'}
          </Text>
        )}
        {hospital.phone && (
          <div>
            <Text size="sm" c="gray.7">
              Call us
            </Text>
            <Anchor href={telHref(hospital.phone)} fz="xl" fw={700} c="care.8" underline="always">
              {hospital.phone}
            </Anchor>
          </div>
        )}
        {hospital.openingHours && (
          <div>
            <Text size="sm" c="gray.7">
              Opening hours
            </Text>
            <Text lineClamp={6} style={{ whiteSpace: 'pre-line' }}>
              {hospital.openingHours}
            </Text>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** The welcome: the hospital's name, its tagline and the ways in. */
export function HomeHero({ hospital }: { hospital: Hospital }) {
  return (
    <Box bg="care.0" py={{ base: 40, sm: 72 }}>
      <Container size="lg">
        <Grid gap={{ base: 'xl', md: 48 }} align="center">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <PageTitle mb={0}>{hospital.name}</PageTitle>
              {hospital.tagline && (
                <Text fz={{ base: 'lg', sm: 'xl' }} c="gray.8" maw={640}>
                  {hospital.tagline}
                </Text>
              )}
              <HomeActions />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }} visibleFrom="md">
            <AtAGlance hospital={hospital} />
          </Grid.Col>
        </Grid>
      </Container>
    </Box>
  );
}
