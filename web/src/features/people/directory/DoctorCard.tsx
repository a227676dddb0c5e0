import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { DoctorPhoto } from '../doctors/DoctorPhoto.tsx';
import { formatFee } from '../shared/format.ts';
import type { PublicDoctor } from '../types.ts';

export function bookingPath(doctorId: string): string {
  return `/app/book?doctor=${encodeURIComponent(doctorId)}`;
}

/** A doctor in the directory: photo, name (a link to the profile), specialization and the booking button. */
export function DoctorCard({ doctor }: { doctor: PublicDoctor }) {
  return (
    <Card component="li" withBorder padding="lg">
      <Stack gap="sm" h="100%">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <DoctorPhoto id={doctor.id} name={doctor.name} hasPhoto={doctor.hasPhoto} size={72} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} size="h4">
              <Anchor component={Link} to={`/doctors/${doctor.id}`} c="care.8" underline="always" inherit>
                {doctor.name}
              </Anchor>
            </Title>
            <Text fw={600}>{doctor.specialization.name}</Text>
            {doctor.department && <Text size="sm">{doctor.department}</Text>}
          </Stack>
        </Group>
        {doctor.languages.length > 0 && <Text size="sm">Speaks {doctor.languages.join(', ')}</Text>}
        {doctor.consultationFee && <Text size="sm">Consultation fee: {formatFee(doctor.consultationFee)}</Text>}
        <Button component={Link} to={bookingPath(doctor.id)} variant="light" mt="auto" aria-label={`Book an appointment with ${doctor.name}`}>
          Book an appointment
        </Button>
      </Stack>
    </Card>
  );
}
