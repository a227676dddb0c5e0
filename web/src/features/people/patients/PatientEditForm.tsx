import { PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { queryClient, sessionKey } from '../../../api/queryClient.ts';
import { EditForm } from '../shared/EditForm.tsx';
import { fieldProps, todayIn, type FormResult } from '../shared/forms.ts';
import { useHospitalZone } from '../shared/zone.tsx';
import type { PatientPatchBody, PatientProfile } from '../types.ts';
import { patientFields, readPatientForm } from './patientForm.ts';
import { PatientFields } from './PatientFields.tsx';
import { rememberPatient, updatePatient } from './patients.api.ts';

interface PatientEditFormProps {
  patient: PatientProfile;
  /** The patient editing their own profile: no date of birth or gender, and an email change needs the current password. */
  self: boolean;
}

const sameEmail = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export function PatientEditForm({ patient, self }: PatientEditFormProps) {
  const zone = useHospitalZone();
  const [email, setEmail] = useState(patient.email ?? '');
  const needsPassword = self && !sameEmail(email.trim(), patient.email);
  const emailRequired = self || patient.hasAccount;

  function read(form: Record<string, string>): FormResult<PatientPatchBody> {
    const result = readPatientForm(form, { withIdentity: !self, emailRequired, today: todayIn(zone) });
    if (!result.ok) return result;
    const values: PatientPatchBody = result.values;
    if (sameEmail(result.values.email, patient.email)) values.email = patient.email;
    if (needsPassword) {
      if (!form.currentPassword) return { ok: false, errors: { currentPassword: 'Enter your current password to change your email.' } };
      values.currentPassword = form.currentPassword;
    }
    return { ok: true, values };
  }

  async function onSaved(saved: PatientProfile) {
    await rememberPatient(saved);
    if (self) await queryClient.invalidateQueries({ queryKey: sessionKey });
  }

  return (
    <EditForm
      label={self ? 'Your details' : 'Patient details'}
      current={patient}
      read={read}
      save={(changes) => updatePatient(patient.id, changes)}
      onSaved={onSaved}
      fields={patientFields}
      savedText={self ? 'Your profile has been updated.' : 'The patient’s details have been updated.'}
    >
      {(errors) => (
        <PatientFields
          errors={errors}
          initial={patient}
          withIdentity={!self}
          emailRequired={emailRequired}
          onEmailChange={setEmail}
          afterEmail={
            needsPassword && (
              <PasswordInput
                label="Current password"
                description="Changing the email you sign in with needs your current password."
                autoComplete="current-password"
                required
                maw={{ sm: 'calc(50% - var(--mantine-spacing-md) / 2)' }}
                {...fieldProps('currentPassword', errors)}
              />
            )
          }
        />
      )}
    </EditForm>
  );
}
