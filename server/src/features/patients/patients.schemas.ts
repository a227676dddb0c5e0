import { Type, type Static, type TSchema } from 'typebox';
import { ADDRESS_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '#shared/limits';
import { Id, Instant, LocalDate, Page, PageQuery } from '../../http/schemas.ts';
import { BLOOD_GROUPS, type BloodGroup } from '#shared/people';
import { Email, GenderSchema, PersonName, Phone } from '../auth/auth.schemas.ts';

export { BLOOD_GROUPS, type BloodGroup };
export const BloodGroupSchema = Type.Enum(BLOOD_GROUPS);

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Address = Type.String({ maxLength: ADDRESS_MAX_LENGTH });
const EmergencyContact = Type.Object({ name: PersonName, phone: Phone }, { additionalProperties: false });
export const SEARCH_MAX_LENGTH = 100;

export const PatientParams = Type.Object({ id: Id });

const summaryProperties = {
  id: Id,
  name: Type.String(),
  dateOfBirth: LocalDate,
  age: Type.Integer({ description: 'Whole years today, in the hospital time zone' }),
  gender: GenderSchema,
  phone: Type.String(),
  email: Nullable(Type.String()),
  address: Nullable(Type.String()),
  active: Type.Boolean(),
  hasAccount: Type.Boolean({ description: 'The patient can sign in' }),
};

export const PatientSummary = Type.Object(summaryProperties);
export const PatientPage = Page(PatientSummary);

const profileProperties = {
  ...summaryProperties,
  emergencyContact: Nullable(Type.Object({ name: Type.String(), phone: Type.String() })),
  bloodGroup: Nullable(BloodGroupSchema),
  userId: Type.Optional(Type.String({ description: 'The login of the patient (admins only)' })),
  createdAt: Instant,
  updatedAt: Instant,
};

export const PatientProfile = Type.Object(profileProperties);

export const AccountCreated = Type.Object({
  userId: Id,
  email: Type.String(),
  temporaryPassword: Type.String({ description: 'Shown once: the patient must change it at first sign-in' }),
  mustChangePassword: Type.Boolean(),
});

export const PatientCreated = Type.Object({ ...profileProperties, account: Type.Optional(AccountCreated) });

export const PatientQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH, description: 'Words of the name, email or phone; a YYYY-MM-DD word matches the date of birth' })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PatientCreateBody = Type.Object(
  {
    name: PersonName,
    dateOfBirth: LocalDate,
    gender: GenderSchema,
    phone: Phone,
    email: Type.Optional(Email),
    address: Type.Optional(Address),
    emergencyContact: Type.Optional(EmergencyContact),
    bloodGroup: Type.Optional(BloodGroupSchema),
    createAccount: Type.Optional(Type.Boolean({ description: 'Also give the patient a login with a temporary password (needs email)' })),
  },
  { additionalProperties: false },
);

export const PatientPatchBody = Type.Object(
  {
    name: Type.Optional(PersonName),
    dateOfBirth: Type.Optional(LocalDate),
    gender: Type.Optional(GenderSchema),
    phone: Type.Optional(Phone),
    email: Type.Optional(Nullable(Email)),
    address: Type.Optional(Nullable(Address)),
    emergencyContact: Type.Optional(Nullable(EmergencyContact)),
    bloodGroup: Type.Optional(Nullable(BloodGroupSchema)),
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4, description: 'Needed when patients change their own email' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AccountBody = Type.Object({ email: Email }, { additionalProperties: false });

export type PatientCreateInput = Static<typeof PatientCreateBody>;
export type PatientPatchInput = Static<typeof PatientPatchBody>;
export type PatientListInput = Static<typeof PatientQuery>;
