import { EditForm } from '../shared/EditForm.tsx';
import type { DoctorProfile } from '../types.ts';
import { DoctorAdminFields } from './DoctorAdminFields.tsx';
import { doctorFields, readDoctorForm, readOwnProfileForm, type DoctorValues } from './doctorForm.ts';
import { refreshDoctors, updateDoctor } from './doctors.api.ts';
import { OwnProfileFields } from './OwnProfileFields.tsx';

const texts = {
  admin: { label: 'Doctor details', savedText: 'The doctor’s profile has been updated.' },
  own: {
    label: 'Your public profile',
    errorTitle: 'Could not save your profile',
    savedText: 'Your profile has been updated. Patients see the change in the doctors directory.',
  },
};

interface DoctorFormProps {
  doctor: DoctorProfile;
  /** The doctor's own profile: only the fields they keep up to date themself. */
  own?: boolean;
}

/** A doctor's profile form: every field for an administrator, the doctor's own fields for the doctor. */
export function DoctorForm({ doctor, own = false }: DoctorFormProps) {
  const text = own ? texts.own : texts.admin;
  return (
    <EditForm<Partial<DoctorValues>, DoctorProfile>
      {...text}
      current={{ ...doctor, specializationId: doctor.specialization.id }}
      read={own ? readOwnProfileForm : readDoctorForm}
      save={(changes) => updateDoctor(doctor.id, changes)}
      onSaved={refreshDoctors}
      fields={doctorFields}
      gap={own ? 'md' : 'lg'}
    >
      {(errors) => (own ? <OwnProfileFields errors={errors} initial={doctor} /> : <DoctorAdminFields errors={errors} initial={doctor} />)}
    </EditForm>
  );
}
