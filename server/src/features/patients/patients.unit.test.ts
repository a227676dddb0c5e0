import { describe, expect, it } from 'vitest';
import { ageOn, todayIn } from './patients.mappers.ts';
import { canEditPatient, canViewPatient, patientListScope, type PolicyActor } from './patients.policy.ts';
import { dateOfBirthProblem, diffProfile, parseSearch, profileOf } from './profile.ts';

const actor = (role: PolicyActor['role'], extra: Partial<PolicyActor> = {}): PolicyActor => ({ role, userId: 'u1', patientId: null, doctorId: null, ...extra });
const relation = (treatedByActor = false) => ({ patientId: 'p1', treatedByActor });

describe('patient policy', () => {
  it('admins and receptionists see every patient; a doctor only those they treat; a patient only themself', () => {
    expect(canViewPatient(actor('admin'), relation())).toBe(true);
    expect(canViewPatient(actor('receptionist'), relation())).toBe(true);
    expect(canViewPatient(actor('doctor', { doctorId: 'd1' }), relation())).toBe(false);
    expect(canViewPatient(actor('doctor', { doctorId: 'd1' }), relation(true))).toBe(true);
    expect(canViewPatient(actor('patient', { patientId: 'p1' }), relation())).toBe(true);
    expect(canViewPatient(actor('patient', { patientId: 'p2' }), relation())).toBe(false);
    expect(canViewPatient(actor('patient'), relation())).toBe(false);
  });

  it('doctors never edit profiles', () => {
    expect(canEditPatient(actor('doctor', { doctorId: 'd1' }), 'p1')).toBe(false);
    expect(canEditPatient(actor('patient', { patientId: 'p1' }), 'p1')).toBe(true);
    expect(canEditPatient(actor('receptionist'), 'p1')).toBe(true);
  });

  it('a doctor without a profile lists no patients', () => {
    expect(patientListScope(actor('doctor'))).toEqual({ kind: 'none' });
    expect(patientListScope(actor('doctor', { doctorId: 'd1' }))).toEqual({ kind: 'doctor', doctorId: 'd1' });
    expect(patientListScope(actor('patient', { patientId: 'p1' }))).toEqual({ kind: 'none' });
  });
});

describe('profile rules', () => {
  it('derives the age in whole years, 29 February birthdays on 1 March', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2026-01-01', '2026-01-01')).toBe(0);
  });

  it("takes today's date in the hospital's time zone", () => {
    const lateEvening = new Date('2026-03-01T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-01');
    expect(todayIn('Asia/Tokyo', lateEvening)).toBe('2026-03-02');
  });

  it('refuses a date of birth in the future or before 1900', () => {
    expect(dateOfBirthProblem('2026-03-02', '2026-03-01')).toMatch(/future/);
    expect(dateOfBirthProblem('1899-12-31', '2026-03-01')).toMatch(/1900/);
    expect(dateOfBirthProblem('2026-03-01', '2026-03-01')).toBeNull();
  });

  it('splits a search into accent-free words and dates of birth', () => {
    expect(parseSearch('  José  ÁLVAREZ 1984-06-02 josé ')).toEqual({ words: ['jose', 'alvarez'], dates: ['1984-06-02'] });
    expect(parseSearch(undefined)).toEqual({ words: [], dates: [] });
  });

  it('diffs only the fields that really change', () => {
    const current = profileOf({
      id: 'p1', user_id: null, name: 'Ada', date_of_birth: '1990-01-01', gender: 'female', phone: '1', email: null, address: null,
      emergency_contact_name: 'Bo', emergency_contact_phone: '2', blood_group: null, active: 1, search_text: 'ada', created_at: '', updated_at: '',
    });
    const diff = diffProfile(current, { name: 'Ada', phone: '3', emergencyContact: { name: 'Bo', phone: '2' }, bloodGroup: 'O+' });
    expect(diff).toEqual({ before: { phone: '1', bloodGroup: null }, after: { phone: '3', bloodGroup: 'O+' }, changed: ['phone', 'bloodGroup'] });
  });
});
