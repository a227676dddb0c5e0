import { describe, expect, it } from 'vitest';
import type { PolicyActor } from '../patients/patients.policy.ts';
import { canAddHistory, canChangeEntry, canViewHistory, canViewVersions } from './history.policy.ts';
import { diffEntry, entryProblem, type EntryContent } from './history.rules.ts';

const actor = (role: PolicyActor['role'], extra: Partial<PolicyActor> = {}): PolicyActor => ({ role, userId: 'u1', patientId: null, doctorId: null, ...extra });
const relation = (treatedByActor = false) => ({ patientId: 'p1', treatedByActor });
const self = actor('patient', { patientId: 'p1' });

describe('history policy', () => {
  it('receptionists never read history; doctors only of patients they treat', () => {
    expect(canViewHistory(actor('receptionist'), relation(true))).toBe(false);
    expect(canViewHistory(actor('doctor'), relation(false))).toBe(false);
    expect(canViewHistory(actor('doctor'), relation(true))).toBe(true);
    expect(canViewHistory(self, relation())).toBe(true);
    expect(canAddHistory(actor('patient', { patientId: 'p2' }), relation())).toBe(false);
  });

  it('a patient changes only the self-reported entries they recorded', () => {
    expect(canChangeEntry(self, relation(), { selfReported: true, recordedBy: 'u1' })).toBe(true);
    expect(canChangeEntry(self, relation(), { selfReported: false, recordedBy: 'u1' })).toBe(false);
    expect(canChangeEntry(self, relation(), { selfReported: true, recordedBy: 'u2' })).toBe(false);
    expect(canChangeEntry(actor('doctor'), relation(true), { selfReported: true, recordedBy: 'u2' })).toBe(true);
    expect(canChangeEntry(actor('receptionist'), relation(true), { selfReported: true, recordedBy: 'u1' })).toBe(false);
  });

  it('versions are for the patient\'s doctors and admins', () => {
    expect(canViewVersions(self, relation())).toBe(false);
    expect(canViewVersions(actor('doctor'), relation(true))).toBe(true);
    expect(canViewVersions(actor('admin'), relation())).toBe(true);
  });
});

describe('history entry rules', () => {
  const entry = (overrides: Partial<EntryContent>): EntryContent => ({ kind: 'condition', title: 'x', details: null, onsetDate: null, resolvedDate: null, allergenIngredient: null, allergenClass: null, ...overrides });
  const today = '2026-03-01';

  it('allows the dates each kind has, in order and not in the future', () => {
    expect(entryProblem(entry({ onsetDate: '2020-01-01', resolvedDate: '2021-01-01' }), today)).toBeNull();
    expect(entryProblem(entry({ kind: 'surgery', onsetDate: '2020-01-01' }), today)).toBeNull();
    expect(entryProblem(entry({ kind: 'surgery', resolvedDate: '2020-01-01' }), today)?.path).toBe('/resolvedDate');
    expect(entryProblem(entry({ kind: 'note', onsetDate: '2020-01-01' }), today)?.path).toBe('/onsetDate');
    expect(entryProblem(entry({ onsetDate: '2021-01-01', resolvedDate: '2020-01-01' }), today)?.path).toBe('/resolvedDate');
    expect(entryProblem(entry({ onsetDate: '2026-03-02' }), today)?.path).toBe('/onsetDate');
  });

  it('names an allergen only on an allergy entry', () => {
    expect(entryProblem(entry({ kind: 'allergy', allergenClass: 'penicillins' }), today)).toBeNull();
    expect(entryProblem(entry({ kind: 'condition', allergenIngredient: 'amoxicillin' }), today)?.path).toBe('/allergen');
  });

  it('diffs only what changes', () => {
    expect(diffEntry(entry({ title: 'a' }), { title: 'a', details: 'b' })).toEqual({ before: { details: null }, after: { details: 'b' }, changed: true });
    expect(diffEntry(entry({}), { title: 'x' }).changed).toBe(false);
  });
});
