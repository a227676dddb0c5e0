import { BLOOD_GROUPS } from '#shared/people';
import type { BloodGroup } from '../types.ts';

export const bloodGroups: readonly BloodGroup[] = BLOOD_GROUPS;

export function isBloodGroup(value: string): value is BloodGroup {
  return (bloodGroups as readonly string[]).includes(value);
}
