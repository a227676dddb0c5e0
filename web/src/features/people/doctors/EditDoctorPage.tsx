import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { ForRoles } from '../shared/ForRoles.tsx';
import { Reactivate } from '../shared/Reactivate.tsx';
import { RecordFromRoute } from '../shared/RecordFromRoute.tsx';
import { RecordHeading } from '../shared/RecordHeading.tsx';
import { Section } from '../shared/Section.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import type { DoctorProfile } from '../types.ts';
import { DeactivateDoctor } from './DeactivateDoctor.tsx';
import { DoctorForm } from './DoctorForm.tsx';
import { reactivateDoctor, refreshDoctors, useDoctorProfile } from './doctors.api.ts';
import { PhotoUpload } from './PhotoUpload.tsx';

function DoctorView({ doctor }: { doctor: DoctorProfile }) {
  const { state } = useLocation();
  const created = typeof state === 'object' && state !== null && (state as { created?: unknown }).created === true;
  return (
    <Stack gap="lg" maw={900}>
      <RecordHeading back={{ to: '/app/doctors', label: 'Back to doctors' }} title={doctor.name}>
        <StatusBadge active={doctor.active} />
        <Text size="sm">{doctor.specialization.name}</Text>
        {doctor.active && (
          <Anchor component={Link} to={`/doctors/${doctor.id}`} c="care.8" underline="always" size="sm">
            View public profile
          </Anchor>
        )}
      </RecordHeading>
      {created && (
        <Alert color="green" variant="light" title="Doctor added" role="status">
          {doctor.name} can now sign in as {doctor.email} with the temporary password you chose, and must change it at first sign-in. Set their
          working hours next so that patients can book.
        </Alert>
      )}
      <Section id="photo" title="Photo">
        <PhotoUpload doctor={doctor} own={false} />
      </Section>
      <Section id="details" title="Details">
        <DoctorForm key={doctor.id} doctor={doctor} />
        <Text size="sm">
          Sign-in account:{' '}
          <Anchor component={Link} to={`/app/users/${doctor.userId}`} c="care.8" underline="always">
            unlock or set a temporary password
          </Anchor>
        </Text>
      </Section>
      <Reactivate
        active={doctor.active}
        noun="doctor"
        description="The doctor returns to the directory and can sign in again with their own password. Appointments cancelled when they were deactivated stay cancelled."
        notice={`${doctor.name} is back in the directory and can sign in again.`}
        reactivate={() => reactivateDoctor(doctor.id)}
        onReactivated={refreshDoctors}
      />
      {doctor.active && <DeactivateDoctor doctor={doctor} />}
    </Stack>
  );
}

/** An administrator's view of one doctor (/app/doctors/:id): details, fee, photo, deactivation and reactivation. */
export function EditDoctorPage() {
  return (
    <ForRoles roles={['admin']}>
      {() => (
        <RecordFromRoute useRecord={useDoctorProfile} what="doctor">
          {(doctor) => <DoctorView doctor={doctor} />}
        </RecordFromRoute>
      )}
    </ForRoles>
  );
}
