import { Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { DoctorPhoto } from '../doctors/DoctorPhoto.tsx';
import { usePublicDoctor } from '../doctors/doctors.api.ts';
import { DetailsList, type DetailRow } from '../shared/DetailsList.tsx';
import { formatFee } from '../shared/format.ts';
import { RecordFromRoute } from '../shared/RecordFromRoute.tsx';
import type { PublicDoctor } from '../types.ts';
import { bookingPath } from './DoctorCard.tsx';

function DoctorDetails({ doctor }: { doctor: PublicDoctor }) {
  const rows: DetailRow[] = [['Specialization', doctor.specialization.name]];
  if (doctor.department) rows.push(['Department', doctor.department]);
  if (doctor.yearsOfExperience !== undefined) rows.push(['Experience', `${doctor.yearsOfExperience} ${doctor.yearsOfExperience === 1 ? 'year' : 'years'}`]);
  if (doctor.languages.length > 0) rows.push(['Languages', doctor.languages.join(', ')]);
  rows.push(['Consultation fee', formatFee(doctor.consultationFee)]);
  if (doctor.phone) {
    rows.push([
      'Phone',
      <Anchor key="phone" href={`tel:${doctor.phone.replace(/[^+0-9]/g, '')}`} c="care.8" underline="always">
        {doctor.phone}
      </Anchor>,
    ]);
  }
  if (doctor.email) {
    rows.push([
      'Email',
      <Anchor key="email" href={`mailto:${doctor.email}`} c="care.8" underline="always">
        {doctor.email}
      </Anchor>,
    ]);
  }
  return <DetailsList rows={rows} labelWidth="10rem" />;
}

function DoctorProfileView({ doctor }: { doctor: PublicDoctor }) {
  return (
    <Stack gap="lg">
      <Group gap="lg" align="center" wrap="wrap">
        <DoctorPhoto id={doctor.id} name={doctor.name} hasPhoto={doctor.hasPhoto} size={128} decorative={false} />
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <PageTitle mb={0}>{doctor.name}</PageTitle>
          <Text fz="lg" fw={600}>
            {doctor.specialization.name}
          </Text>
          {doctor.department && <Text>{doctor.department}</Text>}
        </Stack>
        <Button component={Link} to={bookingPath(doctor.id)} size="md">
          Book an appointment
        </Button>
      </Group>
      {doctor.bio && (
        <Stack gap="xs" component="section" aria-labelledby="about-heading">
          <Title order={2} id="about-heading">
            About
          </Title>
          <Text maw={720} style={{ whiteSpace: 'pre-line' }}>
            {doctor.bio}
          </Text>
        </Stack>
      )}
      <Stack gap="xs" component="section" aria-labelledby="details-heading">
        <Title order={2} id="details-heading">
          Details
        </Title>
        <DoctorDetails doctor={doctor} />
      </Stack>
    </Stack>
  );
}

/** A doctor's public profile (/doctors/:id) with the way to book. */
export function PublicDoctorPage() {
  return (
    <Container size="md" py="xl">
      <Stack gap="md">
        <Anchor component={Link} to="/doctors" c="care.8" underline="always" size="sm">
          All doctors
        </Anchor>
        <RecordFromRoute useRecord={usePublicDoctor} what="doctor’s profile" homePath="/">
          {(doctor) => <DoctorProfileView doctor={doctor} />}
        </RecordFromRoute>
      </Stack>
    </Container>
  );
}
