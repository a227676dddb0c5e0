import { NAME_MAX_LENGTH } from '#shared/limits';
import { dateOfBirthProblem, emailProblem, phoneProblem } from '#shared/rules';
import { isGender } from '../../auth/genders.ts';
import type { FieldErrors } from '../shared/errors.ts';
import { orNull } from '../shared/forms.ts';
import type { BloodGroup, Gender, PatientCreateBody } from '../types.ts';
import { isBloodGroup } from './bloodGroups.ts';

export const patientFields = [
  'name', 'dateOfBirth', 'gender', 'phone', 'email', 'address', 'emergencyContact.name', 'emergencyContact.phone', 'bloodGroup', 'currentPassword', 'createAccount',
] as const;

/** Every field of the form, with empty optional fields as null. */
export interface PatientValues {
  name: string;
  dateOfBirth?: string;
  gender?: Gender;
  phone: string;
  email: string | null;
  address: string | null;
  emergencyContact: { name: string; phone: string } | null;
  bloodGroup: BloodGroup | null;
}

export type PatientFormResult = { ok: true; values: PatientValues } | { ok: false; errors: FieldErrors };

interface Options {
  /** Staff forms also carry date of birth and gender. */
  withIdentity: boolean;
  /** A patient who signs in needs an email. */
  emailRequired: boolean;
  today: string;
}

/** Checks what the browser can check; the server's rules still apply and its messages are shown too. */
export function readPatientForm(form: Record<string, string>, { withIdentity, emailRequired, today }: Options): PatientFormResult {
  const errors: FieldErrors = {};
  const name = form.name ?? '';
  const phone = form.phone ?? '';
  const email = orNull(form.email);
  const contactName = orNull(form['emergencyContact.name']);
  const contactPhone = orNull(form['emergencyContact.phone']);
  const bloodGroup = form.bloodGroup ?? '';

  if (!name) errors.name = 'Enter the full name.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  if (!phone) errors.phone = 'Enter a phone number.';
  else if (phoneProblem(phone)) errors.phone = phoneProblem(phone) ?? '';
  if (email === null && emailRequired) errors.email = 'Enter an email address.';
  else if (email !== null && emailProblem(email)) errors.email = emailProblem(email) ?? '';
  if (contactName && !contactPhone) errors['emergencyContact.phone'] = 'Enter the emergency contact’s phone number.';
  if (contactPhone && !contactName) errors['emergencyContact.name'] = 'Enter the emergency contact’s name.';
  if (contactPhone && phoneProblem(contactPhone)) errors['emergencyContact.phone'] = phoneProblem(contactPhone) ?? '';
  if (bloodGroup !== '' && !isBloodGroup(bloodGroup)) errors.bloodGroup = 'Choose a blood group from the list.';

  const values: PatientValues = {
    name,
    phone,
    email,
    address: orNull(form.address),
    emergencyContact: contactName && contactPhone ? { name: contactName, phone: contactPhone } : null,
    bloodGroup: isBloodGroup(bloodGroup) ? bloodGroup : null,
  };
  if (withIdentity) {
    const dateOfBirth = form.dateOfBirth ?? '';
    const gender = form.gender ?? '';
    if (!dateOfBirth) errors.dateOfBirth = 'Enter the date of birth.';
    else if (dateOfBirthProblem(dateOfBirth, today)) errors.dateOfBirth = dateOfBirthProblem(dateOfBirth, today) ?? '';
    if (!isGender(gender)) errors.gender = 'Choose an option.';
    else values.gender = gender;
    values.dateOfBirth = dateOfBirth;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** The body for registering a patient: empty optional fields are left out. */
export function toCreateBody(values: PatientValues, createAccount: boolean): PatientCreateBody | null {
  if (!values.dateOfBirth || !values.gender) return null;
  return {
    name: values.name,
    dateOfBirth: values.dateOfBirth,
    gender: values.gender,
    phone: values.phone,
    ...(values.email ? { email: values.email } : {}),
    ...(values.address ? { address: values.address } : {}),
    ...(values.emergencyContact ? { emergencyContact: values.emergencyContact } : {}),
    ...(values.bloodGroup ? { bloodGroup: values.bloodGroup } : {}),
    ...(createAccount ? { createAccount: true } : {}),
  };
}
