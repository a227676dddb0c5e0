import { Alert, Anchor, Badge, Code, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../../../api/types.ts';
import { PatientClinicalRecord } from '../../clinic/record/PatientClinicalRecord.tsx';
import { HistorySection } from '../history/HistorySection.tsx';
import { ConfirmDeactivate } from '../shared/ConfirmDeactivate.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { Reactivate } from '../shared/Reactivate.tsx';
import { RecordFromRoute } from '../shared/RecordFromRoute.tsx';
import { RecordHeading } from '../shared/RecordHeading.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import type { PatientCreated, PatientProfile } from '../types.ts';
import { PatientDetails } from './PatientDetails.tsx';
import { PatientEditForm } from './PatientEditForm.tsx';
import { deactivatePatient, reactivatePatient, refreshPatients, usePatient } from './patients.api.ts';

/** Router state left by the registration page. */
export interface CreatedPatientState {
  created: true;
  account: PatientCreated['account'] | null;
}

function isCreatedState(value: unknown): value is CreatedPatientState {
  return typeof value === 'object' && value !== null && (value as { created?: unknown }).created === true;
}

function CreatedNotice({ state }: { state: CreatedPatientState }) {
  return (
    <Alert color="green" variant="light" title="Patient registered" role="status">
      {state.account ? (
        <Stack gap={4}>
          <Text>
            A login was created for {state.account.email}. Give the patient this temporary password; it is shown only once and must be changed at
            first sign-in:
          </Text>
          <Code fz="md" style={{ alignSelf: 'flex-start' }}>
            {state.account.temporaryPassword}
          </Code>
        </Stack>
      ) : (
        'The patient can now be booked for appointments.'
      )}
    </Alert>
  );
}

function DeactivatePatient({ patient }: { patient: PatientProfile }) {
  return (
    <ConfirmDeactivate
      noun="patient"
      description="The record and its history are kept; the patient can no longer sign in or be booked."
      consequence={`${patient.name} will no longer be able to sign in or be booked. The record and its history are kept.`}
      deactivate={() => deactivatePatient(patient.id)}
      onDeactivated={refreshPatients}
    />
  );
}

/** The patient's whole record, produced for them at the desk (the patient may have no login); every download is audited. */
function PatientRecordDownloads({ patient, user }: { patient: PatientProfile; user: SessionUser }) {
  const base = `/api/patients/${encodeURIComponent(patient.id)}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby="record-heading" className="no-print">
      <Title order={2} id="record-heading">
        The patient’s record
      </Title>
      <Text size="sm">Everything HMS holds about {patient.name} that you may see, to hand over on request. Each download is recorded in the audit log.</Text>
      {user.role === 'admin' && <Text size="sm">The record holds clinical content: administrators download it only under break-glass access, opened from the medical history below.</Text>}
      <Group gap="md">
        <Anchor href={`${base}/record.pdf`} download>
          Download the patient’s record (PDF)
        </Anchor>
        <Anchor href={`${base}/record.json`} download>
          Download the patient’s record (JSON)
        </Anchor>
      </Group>
    </Stack>
  );
}

function PatientView({ patient, user }: { patient: PatientProfile; user: SessionUser }) {
  const { state } = useLocation();
  const staff = user.role === 'admin' || user.role === 'receptionist';
  const clinician = user.role === 'admin' || user.role === 'doctor';
  return (
    <Stack gap="lg" maw={900}>
      <RecordHeading back={{ to: '/app/patients', label: user.role === 'doctor' ? 'Back to my patients' : 'Back to patients' }} title={patient.name}>
        <StatusBadge active={patient.active} />
        <Badge variant="outline" color="gray.8">
          {patient.hasAccount ? 'Can sign in' : 'No login'}
        </Badge>
        <Text size="sm">Age {patient.age}</Text>
      </RecordHeading>
      {isCreatedState(state) && <CreatedNotice state={state} />}
      <Stack gap="md" component="section" aria-labelledby="details-heading">
        <Title order={2} id="details-heading">
          {staff ? 'Contact and personal details' : 'Personal details'}
        </Title>
        {staff ? <PatientEditForm key={patient.id} patient={patient} self={false} /> : <PatientDetails patient={patient} />}
        {user.role === 'admin' && patient.userId && (
          <Text size="sm">
            Sign-in account:{' '}
            <Anchor component={Link} to={`/app/users/${patient.userId}`} c="care.8" underline="always">
              manage the patient’s login
            </Anchor>
          </Text>
        )}
      </Stack>
      <PatientRecordDownloads patient={patient} user={user} />
      {clinician && <HistorySection patientId={patient.id} patientName={patient.name} user={user} headingId="history-heading" title="Medical history" />}
      {clinician && <PatientClinicalRecord patientId={patient.id} patientName={patient.name} user={user} />}
      {user.role === 'admin' && (
        <Reactivate
          active={patient.active}
          noun="patient"
          description={patient.hasAccount ? 'The patient can be booked again and sign in with their own password.' : 'The patient can be booked again.'}
          notice={`${patient.name} can be booked again.`}
          reactivate={() => reactivatePatient(patient.id)}
          onReactivated={refreshPatients}
        />
      )}
      {user.role === 'admin' && patient.active && <DeactivatePatient patient={patient} />}
    </Stack>
  );
}

/** One patient (/app/patients/:id): staff edit the details, clinicians read and add to the history. */
export function PatientPage() {
  return (
    <ForRoles roles={['admin', 'receptionist', 'doctor']}>
      {(user) => (
        <RecordFromRoute useRecord={usePatient} what="patient">
          {(patient) => <PatientView patient={patient} user={user} />}
        </RecordFromRoute>
      )}
    </ForRoles>
  );
}
