import { Type } from 'typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { EMAIL_PATTERN, emailProblem, MESSAGES, phoneProblem } from '#shared/rules';
import { fieldErrors, type AjvIssue } from './field-messages.ts';

const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;

describe('field messages', () => {
  it('a union of literals reports one sentence listing the choices, not one error per branch', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(Type.Object({ bloodGroup: Type.Union([Type.Literal('A+'), Type.Literal('O-')]) }));
    validate({ bloodGroup: 'C+' });
    expect(fieldErrors((validate.errors ?? []) as AjvIssue[], 'body')).toEqual([{ path: '/bloodGroup', message: 'Choose the blood group from: A+, O-' }]);
  });

  it('an optional email (email or null) reports the email sentence, not "must be null"', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    formats(ajv);
    ajv.addFormat('email', new RegExp(EMAIL_PATTERN, 'i'));
    const validate = ajv.compile(Type.Object({ email: Type.Union([Type.String({ format: 'email' }), Type.Null()]) }));
    validate({ email: 'not-an-email' });
    expect(fieldErrors((validate.errors ?? []) as AjvIssue[], 'body')).toEqual([{ path: '/email', message: MESSAGES.email }]);
  });

  it('the shared email rule agrees with the addresses people type', () => {
    for (const good of ['ana@example.org', 'Ana.Lopez+clinic@mail.example.co.uk', "o'brien@example.ie"]) expect(emailProblem(good)).toBeNull();
    for (const bad of ['ana', 'ana@', '@example.org', 'ana@example', 'ana lopez@example.org', 'ana@exa_mple.org']) expect(emailProblem(bad)).toBe(MESSAGES.email);
  });

  it('the shared phone rule accepts written phone numbers and explains the refusal', () => {
    for (const good of ['+44 20 7946 0000', '(020) 7946-0000', '020.7946/0000']) expect(phoneProblem(good)).toBeNull();
    expect(phoneProblem('call me')).toBe('Enter a phone number using digits, spaces and + ( ) - . /');
    expect(phoneProblem('12')).toBe(MESSAGES.phoneLength);
  });
});
