import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Hospital } from '../../api/types.ts';
import { bookingPath } from '../people/directory/DoctorCard.tsx';
import { DoctorPhoto } from '../people/doctors/DoctorPhoto.tsx';
import { HomeSection } from './HomeSection.tsx';

type FeaturedDoctor = Hospital['featuredDoctors'][number];

function FeaturedDoctorCard({ doctor }: { doctor: FeaturedDoctor }) {
  return (
    <Card component="li" withBorder padding="lg">
      <Stack gap="sm" align="center" ta="center" h="100%">
        <DoctorPhoto id={doctor.id} name={doctor.name} hasPhoto={doctor.hasPhoto} size={112} />
        <Stack gap={2}>
          <Title order={3} size="h4">
            <Anchor component={Link} to={`/doctors/${doctor.id}`} c="care.8" underline="always" inherit>
              {doctor.name}
            </Anchor>
          </Title>
          <Text c="gray.8">{doctor.specialization.name}</Text>
        </Stack>
        <Button component={Link} to={bookingPath(doctor.id)} variant="light" mt="auto" fullWidth>
          Book an appointment<VisuallyHidden> with {doctor.name}</VisuallyHidden>
        </Button>
      </Stack>
    </Card>
  );
}

/** A few of the hospital's doctors, each with a way to read their profile and to book. */
export function DoctorsSection({ doctors }: { doctors: FeaturedDoctor[] }) {
  if (doctors.length === 0) return null;
  return (
    <HomeSection
      id="doctors"
      title="Our doctors"
      action={
        <Anchor component={Link} to="/doctors" c="care.8" underline="always" fw={600}>
          See all our doctors
        </Anchor>
      }
    >
      <SimpleGrid component="ul" cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" p={0} m={0} style={{ listStyle: 'none' }}>
        {doctors.map((doctor) => (
          <FeaturedDoctorCard key={doctor.id} doctor={doctor} />
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
