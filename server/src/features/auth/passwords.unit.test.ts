import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('the password policy (NIST SP 800-63B)', () => {
  it('asks for 15 characters when the password is the only factor and 12 with a second factor', () => {
    expect(passwordProblem('quiet river bend', null)).toBeNull();
    expect(passwordProblem('quiet rivers', null)).toBe('Use at least 15 characters');
    expect(passwordProblem('quiet rivers', null, true)).toBeNull();
    expect(passwordProblem('quiet river', null, true)).toBe('Use at least 12 characters');
  });

  it('refuses passwords of the large breach list, long ones included, and their decorated forms', () => {
    for (const listed of ['1qaz2wsx3edc4rfv', '123456789qwerty', 'qazwsxedcrfvtgb', '2026qazwsxedcrfvtgb!']) {
      expect(passwordProblem(listed, null), listed).toMatch(/too common/);
    }
    expect(passwordProblem('Tangerine Pylon Harbour', null)).toBeNull();
  });

  it('counts and compares passwords in NFKC', async () => {
    // "ﬁ" (one ligature code point) is "fi"; full-width letters are their ASCII forms.
    const typed = 'ﬁve ｆｕｌｌ ｗｉｄｔｈ words';
    const stored = await hashPassword(typed);
    await expect(verifyPassword(stored, 'five full width words')).resolves.toBe(true);
    await expect(verifyPassword(stored, 'five full width wordz')).resolves.toBe(false);
    const composed = 'caf\u00e9 au lait please';
    const decomposed = 'cafe\u0301 au lait please';
    await expect(verifyPassword(await hashPassword(composed), decomposed)).resolves.toBe(true);
  });

  it('still verifies a hash made before normalisation from the password as typed', async () => {
    const typed = 'ﬁve ｆｕｌｌ ｗｉｄｔｈ words';
    const legacy = await hash(typed, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await expect(verifyPassword(legacy, typed)).resolves.toBe(true);
  });
});
