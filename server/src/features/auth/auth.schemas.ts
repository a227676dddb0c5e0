import { Type } from 'typebox';
import { ADDRESS_MAX_LENGTH, EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PHONE_MAX_LENGTH } from '#shared/limits';
import { GENDERS } from '#shared/people';
import { ROLES } from '#shared/roles';
import { NOT_BLANK_PATTERN, PHONE_MIN_LENGTH, PHONE_PATTERN } from '#shared/rules';
import { Id, LocalDate } from '../../http/schemas.ts';

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: EMAIL_MAX_LENGTH });
// Length and commonness are checked by the password policy, which names the rule that failed.
const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 });
export const PersonName = Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH, pattern: NOT_BLANK_PATTERN });
export const Phone = Type.String({ minLength: PHONE_MIN_LENGTH, maxLength: PHONE_MAX_LENGTH, pattern: PHONE_PATTERN, description: 'Digits, spaces and + ( ) - . /' });
export const GenderSchema = Type.Enum(GENDERS);
export const RoleSchema = Type.Enum(ROLES);

export const Session = Type.Object({
  user: Type.Object({
    id: Id,
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    patientId: Type.Optional(Id),
    doctorId: Type.Optional(Id),
    mustChangePassword: Type.Boolean(),
    mustEnrolSecondFactor: Type.Boolean({ description: 'The hospital requires a second factor for staff and this user has none yet: only enrolment is open (403 MFA_ENROLMENT_REQUIRED elsewhere)' }),
  }),
  csrfToken: Type.String(),
  idleMinutes: Type.Integer({ minimum: 1, description: 'Idle sign-out limit. Requests sent with `X-HMS-Background: 1` (polls, refetches) do not count as activity' }),
});

export const LoginBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: EMAIL_MAX_LENGTH }), password: Password }, { additionalProperties: false });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: PersonName,
    dateOfBirth: LocalDate,
    gender: GenderSchema,
    phone: Phone,
    address: Type.Optional(Type.String({ maxLength: ADDRESS_MAX_LENGTH })),
  },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });

export const RegistrationPending = Type.Object({
  message: Type.String({ description: 'Shown to the visitor: what to look for in their inbox' }),
}, { description: 'The address already has an account: nothing was created and its owner was emailed' });

export const PasswordResetBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: EMAIL_MAX_LENGTH }) }, { additionalProperties: false });
export const PasswordResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);
export const Accepted = Type.Object({ message: Type.String() });

export const MfaRequired = Type.Object({
  mfaRequired: Type.Literal(true),
  methods: Type.Array(Type.Union([Type.Literal('totp'), Type.Literal('recovery_code')])),
}, { description: 'The password was right; no session yet. POST /api/auth/mfa/verify with the hms_mfa cookie set by this answer.' });

export const MfaVerifyBody = Type.Object({
  code: Type.Optional(Type.String({ minLength: 6, maxLength: 10, description: 'The 6-digit code of the authenticator app' })),
  recoveryCode: Type.Optional(Type.String({ minLength: 8, maxLength: 40, description: 'One of the recovery codes (each works once)' })),
}, { additionalProperties: false });
