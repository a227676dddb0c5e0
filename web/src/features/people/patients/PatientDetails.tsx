import { DetailsList, type DetailRow } from '../shared/DetailsList.tsx';
import { formatDate, genderLabels } from '../shared/format.ts';
import type { PatientProfile } from '../types.ts';

interface PatientDetailsProps {
  patient: PatientProfile;
  /** Only the identity (a patient's own profile shows the rest in the form). */
  identityOnly?: boolean;
}

/** Read-only demographics as a description list. */
export function PatientDetails({ patient, identityOnly = false }: PatientDetailsProps) {
  const rows: DetailRow[] = [
    ['Date of birth', `${formatDate(patient.dateOfBirth)} (age ${patient.age})`],
    ['Gender', genderLabels[patient.gender]],
  ];
  if (!identityOnly) {
    rows.push(
      ['Phone', patient.phone],
      ['Email', patient.email ?? 'Not given'],
      ['Address', patient.address ?? 'Not given'],
      ['Emergency contact', patient.emergencyContact ? `${patient.emergencyContact.name}, ${patient.emergencyContact.phone}` : 'Not given'],
      ['Blood group', patient.bloodGroup ?? 'Not known'],
    );
  }
  return <DetailsList rows={rows} />;
}
