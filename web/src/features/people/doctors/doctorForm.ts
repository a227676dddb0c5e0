import { NAME_MAX_LENGTH } from '#shared/limits';
import { emailProblem, phoneProblem } from '#shared/rules';
import type { FieldErrors } from '../shared/errors.ts';
import { orNull, type FormResult } from '../shared/forms.ts';
import { toMinorUnits } from '../shared/format.ts';
import type { ConsultationFee, DoctorCreateBody } from '../types.ts';

export const doctorFields = [
  'name', 'email', 'phone', 'specializationId', 'department', 'bio', 'languages', 'yearsOfExperience',
  'consultationFee.amountMinor', 'consultationFee.currency', 'consultationFee', 'publicEmail', 'publicPhone', 'password',
] as const;

/** What a doctor may change on their own profile. */
export interface OwnProfileValues {
  phone: string;
  bio: string | null;
  languages: string[];
  yearsOfExperience: number | null;
}

/** What an administrator sets as well. */
export interface DoctorValues extends OwnProfileValues {
  name: string;
  email: string;
  specializationId: string;
  department: string | null;
  consultationFee: ConsultationFee | null;
  publicEmail: boolean;
  publicPhone: boolean;
}


/** "English, Spanish,  french" → ["English", "Spanish", "french"]. */
export function splitLanguages(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((language) => language.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

export function readOwnProfile(form: Record<string, string>, errors: FieldErrors): OwnProfileValues {
  const phone = form.phone ?? '';
  const years = form.yearsOfExperience ?? '';
  const languages = splitLanguages(form.languages ?? '');
  if (!phone) errors.phone = 'Enter a phone number.';
  else if (phoneProblem(phone)) errors.phone = phoneProblem(phone) ?? '';
  if (years !== '' && !/^\d{1,2}$/.test(years)) errors.yearsOfExperience = 'Enter a whole number of years from 0 to 80.';
  else if (years !== '' && Number(years) > 80) errors.yearsOfExperience = 'Enter a whole number of years from 0 to 80.';
  if (languages.length > 20) errors.languages = 'List at most 20 languages.';
  else if (languages.some((language) => language.length > 60)) errors.languages = 'Each language can have at most 60 characters.';
  if ((form.bio ?? '').length > 2000) errors.bio = 'Use at most 2000 characters.';
  return { phone, bio: orNull(form.bio), languages, yearsOfExperience: years === '' ? null : Number(years) };
}

export function readOwnProfileForm(form: Record<string, string>): FormResult<OwnProfileValues> {
  const errors: FieldErrors = {};
  const values = readOwnProfile(form, errors);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

export function readDoctorForm(form: Record<string, string>): FormResult<DoctorValues> {
  const errors: FieldErrors = {};
  const own = readOwnProfile(form, errors);
  const name = form.name ?? '';
  const email = form.email ?? '';
  const specializationId = form.specializationId ?? '';
  const amount = form['consultationFee.amountMinor'] ?? '';
  const currency = (form['consultationFee.currency'] ?? '').toUpperCase();
  if (!name) errors.name = 'Enter the doctor’s full name.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  if (!email) errors.email = 'Enter the email the doctor signs in with.';
  else if (emailProblem(email)) errors.email = emailProblem(email) ?? '';
  if (!specializationId) errors.specializationId = 'Choose a specialization.';
  let consultationFee: ConsultationFee | null = null;
  if (amount !== '') {
    if (!/^[A-Z]{3}$/.test(currency)) errors['consultationFee.currency'] = 'Enter a three-letter currency code, like GBP.';
    const minor = toMinorUnits(amount, /^[A-Z]{3}$/.test(currency) ? currency : 'GBP');
    if (minor === null) errors['consultationFee.amountMinor'] = 'Enter an amount like 45 or 45.50.';
    else consultationFee = { amountMinor: minor, currency };
  }
  const values: DoctorValues = {
    ...own,
    name,
    email,
    specializationId,
    department: orNull(form.department),
    consultationFee,
    publicEmail: form.publicEmail === 'yes',
    publicPhone: form.publicPhone === 'yes',
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** The body that creates a doctor: empty optional fields are left out. */
export function toCreateBody(values: DoctorValues, password: string): DoctorCreateBody {
  return {
    name: values.name,
    email: values.email,
    phone: values.phone,
    specializationId: values.specializationId,
    password,
    languages: values.languages,
    publicEmail: values.publicEmail,
    publicPhone: values.publicPhone,
    ...(values.department ? { department: values.department } : {}),
    ...(values.bio ? { bio: values.bio } : {}),
    ...(values.yearsOfExperience !== null ? { yearsOfExperience: values.yearsOfExperience } : {}),
    ...(values.consultationFee ? { consultationFee: values.consultationFee } : {}),
  };
}
