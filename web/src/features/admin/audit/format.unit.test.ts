import { describe, expect, it } from 'vitest';
import { actorName, actorRoleLabel, detailsText, formatAuditTime, isBreakGlass } from './format.ts';

describe('audit entry formatting', () => {
  it('shows the instant in the hospital zone, to the second', () => {
    expect(formatAuditTime('2026-07-15T09:30:12.345Z', 'Europe/London')).toBe('15 Jul 2026, 10:30:12');
    expect(formatAuditTime('2026-01-15T23:59:59.000Z', 'Asia/Tokyo')).toBe('16 Jan 2026, 08:59:59');
  });

  it('names the actor, or says there was none', () => {
    expect(actorName({ actorId: 'u1', actorName: 'Ada Lovelace' })).toBe('Ada Lovelace');
    expect(actorName({ actorId: 'u1' })).toBe('Unknown user');
    expect(actorName({ actorId: null })).toBe('System or anonymous');
  });

  it('labels known roles and keeps any other as written', () => {
    expect(actorRoleLabel('receptionist')).toBe('Receptionist');
    expect(actorRoleLabel('system')).toBe('system');
    expect(actorRoleLabel(null)).toBeNull();
  });

  it('indents the details as JSON', () => {
    expect(detailsText({ before: { approvalMode: 'manual' } })).toBe('{\n  "before": {\n    "approvalMode": "manual"\n  }\n}');
  });

  it('flags break-glass grants and reads, and nothing else', () => {
    expect(isBreakGlass({ details: { breakGlass: true, grantId: 'g1' } })).toBe(true);
    expect(isBreakGlass({ details: { breakGlass: false } })).toBe(false);
    expect(isBreakGlass({ details: { patientId: 'p1' } })).toBe(false);
    expect(isBreakGlass({})).toBe(false);
  });
});
