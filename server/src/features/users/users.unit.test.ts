import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../auth/passwords.ts';
import { generateTemporaryPassword } from './accounts.ts';
import { leavesNoAdmin, removesActiveAdmin, roleChangeProblem } from './users.policy.ts';

describe('users policy', () => {
  it('switches only between admin and receptionist', () => {
    expect(roleChangeProblem('admin', 'receptionist')).toBeNull();
    expect(roleChangeProblem('receptionist', 'admin')).toBeNull();
    expect(roleChangeProblem('patient', 'patient')).toBeNull();
    expect(roleChangeProblem('patient', 'admin')).not.toBeNull();
    expect(roleChangeProblem('receptionist', 'doctor')).not.toBeNull();
  });

  it('knows when a change takes away an active admin, and refuses it for the last one', () => {
    const admin = { role: 'admin' as const, active: true };
    expect(removesActiveAdmin(admin, { role: 'receptionist', active: true })).toBe(true);
    expect(removesActiveAdmin(admin, { role: 'admin', active: false })).toBe(true);
    expect(removesActiveAdmin(admin, admin)).toBe(false);
    expect(removesActiveAdmin({ role: 'admin', active: false }, { role: 'receptionist', active: false })).toBe(false);
    expect(leavesNoAdmin(1, admin, { role: 'admin', active: false })).toBe(true);
    expect(leavesNoAdmin(2, admin, { role: 'admin', active: false })).toBe(false);
  });

  it('generates temporary passwords that pass the password policy and differ each time', () => {
    const passwords = new Set(Array.from({ length: 50 }, generateTemporaryPassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(passwordProblem(password, 'someone@example.test')).toBeNull();
  });
});
