import type { RegisterBody } from '../../api/types.ts';

export type Gender = RegisterBody['gender'];

export const genderOptions: { value: Gender; label: string }[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'undisclosed', label: 'Prefer not to say' },
];

export function isGender(value: string): value is Gender {
  return genderOptions.some((option) => option.value === value);
}
