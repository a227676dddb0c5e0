import { describe, expect, it } from 'vitest';
import { redactTokens } from '../../app.ts';

describe('request-log redaction', () => {
  it('replaces signed-link and calendar tokens in logged paths', () => {
    const token = 'abcDEF0123456789abcDEF0123456789abcDEF01234';
    expect(redactTokens(`/api/manage/${token}/cancel`)).toBe('/api/manage/[token]/cancel');
    expect(redactTokens(`/manage/${token}`)).toBe('/manage/[token]');
    expect(redactTokens(`/api/feedback/${token}`)).toBe('/api/feedback/[token]');
    expect(redactTokens(`/api/calendar/${token}.ics`)).toBe('/api/calendar/[token].ics');
    expect(redactTokens('/api/appointments')).toBe('/api/appointments');
  });
});
