import { Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useHospital } from '../../api/hospital.ts';
import { useSession } from '../../api/session.ts';
import { FormError } from '../../components/FormError.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

function Actions() {
  const session = useSession();
  if (session.data) {
    return (
      <Group>
        <Button component={Link} to="/app" size="md">
          Go to my dashboard
        </Button>
      </Group>
    );
  }
  return (
    <Group>
      <Button component={Link} to="/register" size="md">
        Register as a patient
      </Button>
      <Button component={Link} to="/login" size="md" variant="outline">
        Log in
      </Button>
    </Group>
  );
}

export function HomePage() {
  const hospital = useHospital();
  if (hospital.isPending) return <Loading />;
  if (hospital.isError) {
    return (
      <Container size="lg" py="xl">
        <PageTitle>Welcome</PageTitle>
        <FormError title="Hospital details unavailable" message="We could not load the hospital's details. Please try again later." />
        <Box mt="lg">
          <Actions />
        </Box>
      </Container>
    );
  }
  const { name, tagline, about, services } = hospital.data;
  return (
    <>
      <Box bg="care.0" py={{ base: 40, sm: 72 }}>
        <Container size="lg">
          <Stack gap="md" maw={720}>
            <PageTitle mb={0}>{name}</PageTitle>
            {tagline && (
              <Text fz={{ base: 'lg', sm: 'xl' }} c="gray.8">
                {tagline}
              </Text>
            )}
            <Text c="gray.8">
              Book appointments with our doctors online, follow your requests and keep your medical
              history in one place.
            </Text>
            <Actions />
          </Stack>
        </Container>
      </Box>
      <Container size="lg" py="xl">
        <Stack gap="xl">
          {about && (
            <Box component="section" aria-labelledby="about-heading">
              <Title order={2} id="about-heading" mb="sm">
                About us
              </Title>
              <Text maw={720}>{about}</Text>
            </Box>
          )}
          {services.length > 0 && (
            <Box component="section" aria-labelledby="services-heading">
              <Title order={2} id="services-heading" mb="sm">
                Our services
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="ul" style={{ listStyle: 'none', padding: 0 }}>
                {services.map((service) => (
                  <Card component="li" key={service.id} withBorder padding="lg">
                    <Text fw={700}>{service.name}</Text>
                    {service.description && <Text size="sm" mt={4}>{service.description}</Text>}
                  </Card>
                ))}
              </SimpleGrid>
            </Box>
          )}
          <Box component="section" aria-labelledby="how-heading">
            <Title order={2} id="how-heading" mb="sm">
              How it works
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} component="ol" style={{ paddingLeft: 0, listStyle: 'none' }}>
              <Card component="li" withBorder padding="lg">
                <Text fw={700}>1. Create your account</Text>
                <Text size="sm" mt={4}>Register once with your contact details.</Text>
              </Card>
              <Card component="li" withBorder padding="lg">
                <Text fw={700}>2. Choose a doctor and a time</Text>
                <Text size="sm" mt={4}>See free appointment times and request the one that suits you.</Text>
              </Card>
              <Card component="li" withBorder padding="lg">
                <Text fw={700}>3. Get confirmation</Text>
                <Text size="sm" mt={4}>Follow your appointment's status from your dashboard.</Text>
              </Card>
            </SimpleGrid>
          </Box>
        </Stack>
      </Container>
    </>
  );
}
