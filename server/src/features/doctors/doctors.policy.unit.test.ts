import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.ts';
import type { Role } from '#shared/roles';
import { canEditProfile, canViewFullProfile, canViewPublicProfile, fieldsNotAllowed } from './doctors.policy.ts';

const actor = (role: Role, doctorId: string | null = null): Actor => ({
  userId: 'u', role, email: 'a@b.c', name: 'A', patientId: null, doctorId, sessionId: 's', csrfToken: 'c', mustChangePassword: false,
});
const doctor = { id: 'd1', active: 1 };

describe('doctor profile policy', () => {
  it('the public sees active doctors only', () => {
    expect(canViewPublicProfile(doctor)).toBe(true);
    expect(canViewPublicProfile({ ...doctor, active: 0 })).toBe(false);
  });

  it('the full profile is for administrators and the doctor themself', () => {
    expect(canViewFullProfile(actor('admin'), doctor)).toBe(true);
    expect(canViewFullProfile(actor('doctor', 'd1'), doctor)).toBe(true);
    expect(canViewFullProfile(actor('doctor', 'd2'), doctor)).toBe(false);
    expect(canViewFullProfile(actor('receptionist'), doctor)).toBe(false);
    expect(canViewFullProfile(actor('patient'), doctor)).toBe(false);
  });

  it('a deactivated doctor no longer edits; an administrator still may', () => {
    expect(canEditProfile(actor('doctor', 'd1'), { ...doctor, active: 0 })).toBe(false);
    expect(canEditProfile(actor('admin'), { ...doctor, active: 0 })).toBe(true);
  });

  it('a doctor may change only their own profile fields', () => {
    expect(fieldsNotAllowed(actor('doctor', 'd1'), ['bio', 'languages', 'name', 'phone', 'yearsOfExperience'])).toEqual([]);
    expect(fieldsNotAllowed(actor('doctor', 'd1'), ['bio', 'consultationFee', 'specializationId', 'department', 'email', 'publicEmail']))
      .toEqual(['consultationFee', 'specializationId', 'department', 'email', 'publicEmail']);
    expect(fieldsNotAllowed(actor('admin'), ['consultationFee', 'specializationId'])).toEqual([]);
  });
});
