import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DoctorForm } from '../doctors/DoctorForm.tsx';
import { useDoctorProfile } from '../doctors/doctors.api.ts';
import { PhotoUpload } from '../doctors/PhotoUpload.tsx';
import { DetailsList, type DetailRow } from '../shared/DetailsList.tsx';
import { formatFee } from '../shared/format.ts';
import { Section } from '../shared/Section.tsx';
import type { DoctorProfile } from '../types.ts';
import { MyProfile } from './MyProfile.tsx';

function SetByAdmin({ doctor }: { doctor: DoctorProfile }) {
  const rows: DetailRow[] = [
    ['Name', doctor.name],
    ['Sign-in email', doctor.email],
    ['Specialization', doctor.specialization.name],
    ['Department', doctor.department ?? 'Not set'],
    ['Consultation fee', formatFee(doctor.consultationFee)],
  ];
  return (
    <Stack gap="xs">
      <DetailsList rows={rows} />
      <Text size="sm" c="dimmed">
        These are set by the hospital’s administrator. Ask them if something needs to change.
      </Text>
    </Stack>
  );
}

/** A doctor's own profile: what they keep up to date, their photo, and what the administrator sets. */
export function DoctorProfilePage({ doctorId }: { doctorId: string }) {
  return (
    <MyProfile query={useDoctorProfile(doctorId)} maw={860}>
      {(doctor) => (
        <>
          <Text>
            This is what patients see in the{' '}
            <Anchor component={Link} to={`/doctors/${doctor.id}`} c="care.8" underline="always">
              public doctors directory
            </Anchor>
            .
          </Text>
          <Section id="photo" title="Photo">
            <PhotoUpload doctor={doctor} own />
          </Section>
          <Section id="own" title="About you">
            <DoctorForm doctor={doctor} own />
          </Section>
          <Section id="admin" title="Set by the administrator">
            <SetByAdmin doctor={doctor} />
          </Section>
        </>
      )}
    </MyProfile>
  );
}
