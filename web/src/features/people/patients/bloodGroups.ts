import type { BloodGroup } from '../types.ts';

export const bloodGroups: BloodGroup[] = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'];

export function isBloodGroup(value: string): value is BloodGroup {
  return (bloodGroups as string[]).includes(value);
}
