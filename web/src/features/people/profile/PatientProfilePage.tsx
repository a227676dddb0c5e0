import { Anchor, Group, Text } from '@mantine/core';
import { PatientDetails } from '../patients/PatientDetails.tsx';
import { PatientEditForm } from '../patients/PatientEditForm.tsx';
import { usePatient } from '../patients/patients.api.ts';
import { Section } from '../shared/Section.tsx';
import { MyProfile } from './MyProfile.tsx';

/** A patient's own profile: contact details, emergency contact and blood group. */
export function PatientProfilePage({ patientId }: { patientId: string }) {
  return (
    <MyProfile query={usePatient(patientId)} maw={760}>
      {(patient) => (
        <>
          <Section id="identity" title="Registered details">
            <PatientDetails patient={patient} identityOnly />
            <Text size="sm" c="dimmed">
              To correct your date of birth or gender, please contact reception.
            </Text>
          </Section>
          <Section id="contact" title="Your details">
            <PatientEditForm patient={patient} self />
          </Section>
          <Section id="my-data" title="Download my data">
            <Text size="sm">Everything the hospital holds about you, as a PDF to read or as JSON for other software.</Text>
            <Group gap="md">
              <Anchor href={`/api/patients/${encodeURIComponent(patient.id)}/record.pdf`} download>Download my record (PDF)</Anchor>
              <Anchor href={`/api/patients/${encodeURIComponent(patient.id)}/record.json`} download>Download my record (JSON)</Anchor>
            </Group>
          </Section>
        </>
      )}
    </MyProfile>
  );
}
