import { describe, expect, it } from 'vitest';
import { isBookingNext, safeNext, withNext } from './safeNext.ts';

describe('safeNext', () => {
  it('keeps a page of the signed-in area with its query and fragment', () => {
    expect(safeNext('/app')).toBe('/app');
    expect(safeNext('/app/book?doctor=0190a1b2-c3d4')).toBe('/app/book?doctor=0190a1b2-c3d4');
    expect(safeNext('/app/appointments?status=requested#list')).toBe('/app/appointments?status=requested#list');
    expect(safeNext('/app?tab=1')).toBe('/app?tab=1');
  });

  it('normalises dot segments that stay inside /app', () => {
    expect(safeNext('/app/./book')).toBe('/app/book');
    expect(safeNext('/app/patients/../book')).toBe('/app/book');
  });

  it.each([
    ['nothing', null],
    ['an empty string', ''],
    ['a protocol-relative address', '//evil.example'],
    ['a protocol-relative address with a path', '//evil.example/app'],
    ['an absolute address', 'https://evil.example/app'],
    ['an absolute address of this kind', 'http:/app'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a backslash address', '/\\evil.example'],
    ['a backslash inside /app', '/app\\..\\..\\evil.example'],
    ['a path that only starts like /app', '/apple'],
    ['a public page', '/doctors'],
    ['a relative path', 'app/book'],
    ['dot segments leaving /app', '/app/../login'],
    ['encoded dot segments leaving /app', '/app/%2e%2e/login'],
    ['a tab that browsers would drop', '/app\t/x'],
    ['a newline', '/app\n//evil.example'],
    ['a space', '/app /x'],
    ['something very long', `/app/${'a'.repeat(2100)}`],
  ])('refuses %s', (_label, value) => {
    expect(safeNext(value)).toBeNull();
  });
});

describe('withNext', () => {
  it('adds a safe next, encoded', () => {
    expect(withNext('/register', '/app/book?doctor=42')).toBe('/register?next=%2Fapp%2Fbook%3Fdoctor%3D42');
  });

  it('leaves out an unsafe or missing next', () => {
    expect(withNext('/login', '//evil.example')).toBe('/login');
    expect(withNext('/login', null)).toBe('/login');
  });

  it('leaves out the dashboard, where logging in goes anyway', () => {
    expect(withNext('/login', '/app')).toBe('/login');
  });
});

describe('isBookingNext', () => {
  it('recognises the booking page', () => {
    expect(isBookingNext('/app/book')).toBe(true);
    expect(isBookingNext('/app/book?doctor=42')).toBe(true);
  });

  it('is false for other pages and unsafe addresses', () => {
    expect(isBookingNext('/app/bookings')).toBe(false);
    expect(isBookingNext('/app/appointments')).toBe(false);
    expect(isBookingNext('//evil.example/app/book')).toBe(false);
    expect(isBookingNext(null)).toBe(false);
  });
});
