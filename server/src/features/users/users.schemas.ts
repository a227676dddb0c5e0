import { Type, type Static } from 'typebox';
import { ADDRESS_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '#shared/limits';
import { Id, Instant, LocalDate, Page, PageQuery } from '../../http/schemas.ts';
import { Email, GenderSchema, PersonName, Phone, RoleSchema } from '../auth/auth.schemas.ts';
import { SEARCH_MAX_LENGTH } from '../patients/patients.schemas.ts';

// Length and commonness are checked by the password policy, which names the rule that failed.
const Password = (description: string) => Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4, description });

const userProperties = {
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Instant,
  patientId: Type.Optional(Id),
  doctorId: Type.Optional(Id),
};

export const User = Type.Object(userProperties);
export const UserPage = Page(User);
export const UserCreated = Type.Object({
  ...userProperties,
  temporaryPassword: Type.Optional(Type.String({ description: 'The generated temporary password, shown once (when none was given)' })),
});

export const UserParams = Type.Object({ id: Id });

export const UserQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH, description: 'Words of the name or email' })),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UserCreateBody = Type.Object(
  {
    email: Email,
    name: PersonName,
    role: RoleSchema,
    password: Type.Optional(Password('A temporary password to change at first sign-in; one is generated when left out')),
    dateOfBirth: Type.Optional(LocalDate),
    gender: Type.Optional(GenderSchema),
    phone: Type.Optional(Phone),
    address: Type.Optional(Type.String({ maxLength: ADDRESS_MAX_LENGTH })),
  },
  { additionalProperties: false, description: 'Doctors are created with POST /api/doctors; a patient needs dateOfBirth, gender and phone' },
);

export const UserPatchBody = Type.Object(
  {
    name: Type.Optional(PersonName),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
    unlock: Type.Optional(Type.Literal(true, { description: 'Lift the sign-in throttling of the account' })),
    temporaryPassword: Type.Optional(Password('Set a temporary password: the user must change it at next sign-in')),
  },
  { additionalProperties: false, minProperties: 1 },
);

export type UserListInput = Static<typeof UserQuery>;
export type UserCreateInput = Static<typeof UserCreateBody>;
export type UserPatchInput = Static<typeof UserPatchBody>;
