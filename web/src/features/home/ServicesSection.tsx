import { Anchor, Card, SimpleGrid, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Hospital } from '../../api/types.ts';
import { HomeSection } from './HomeSection.tsx';

type Service = Hospital['services'][number];

function directoryPath(specializationId: string): string {
  return `/doctors?specialization=${encodeURIComponent(specializationId)}`;
}

function ServiceCard({ service }: { service: Service }) {
  const count = service.doctorCount;
  return (
    <Card component="li" withBorder padding="lg" style={{ borderTop: '4px solid var(--mantine-color-care-6)' }}>
      <Title order={3} size="h4">
        {service.name}
      </Title>
      {service.description && (
        <Text mt="xs" c="gray.8" style={{ whiteSpace: 'pre-line' }}>
          {service.description}
        </Text>
      )}
      <Anchor component={Link} to={directoryPath(service.id)} c="care.8" underline="always" fw={600} pt="md" style={{ marginTop: 'auto', alignSelf: 'flex-start' }}>
        See our {count} {count === 1 ? 'doctor' : 'doctors'}
        <VisuallyHidden> in {service.name}</VisuallyHidden>
      </Anchor>
    </Card>
  );
}

/** One card per specialty that has doctors, each leading to the directory filtered by it. */
export function ServicesSection({ services }: { services: Service[] }) {
  const offered = services.filter((service) => service.doctorCount > 0);
  if (offered.length === 0) return null;
  return (
    <HomeSection id="services" title="Our services" tint="gray.0">
      <SimpleGrid component="ul" cols={{ base: 1, sm: 2, md: 3 }} spacing="lg" p={0} m={0} style={{ listStyle: 'none' }}>
        {offered.map((service) => (
          <ServiceCard key={service.id} service={service} />
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
