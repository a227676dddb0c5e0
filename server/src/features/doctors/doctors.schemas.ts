import { Type } from 'typebox';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '#shared/limits';
import { Id, Instant, Page, PageQuery } from '../../http/schemas.ts';
import { Email, PersonName, Phone } from '../auth/auth.schemas.ts';

export const BIO_MAX_LENGTH = 2000;
export const LANGUAGES_MAX = 20;

const Department = Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH, pattern: '\\S' });
const Bio = Type.String({ maxLength: BIO_MAX_LENGTH });
const Years = Type.Integer({ minimum: 0, maximum: 80 });
const Language = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' });
const Languages = Type.Array(Language, { maxItems: LANGUAGES_MAX, description: 'Languages spoken' });

export const ConsultationFee = Type.Object(
  {
    amountMinor: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'In minor units of the currency (pence, cents)' }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. GBP' }),
  },
  { additionalProperties: false },
);

const SpecializationRef = Type.Object({ id: Id, name: Type.String() });

const profileFields = {
  id: Id,
  name: Type.String(),
  specialization: SpecializationRef,
  department: Type.Optional(Type.String()),
  bio: Type.Optional(Type.String()),
  consultationFee: Type.Optional(ConsultationFee),
  yearsOfExperience: Type.Optional(Type.Integer()),
  languages: Type.Array(Type.String()),
  hasPhoto: Type.Boolean(),
};

export const PublicDoctor = Type.Object({
  ...profileFields,
  email: Type.Optional(Type.String({ description: 'Only when the hospital has made it public' })),
  phone: Type.Optional(Type.String({ description: 'Only when the hospital has made it public' })),
});

export const DoctorProfile = Type.Object({
  ...profileFields,
  userId: Id,
  email: Type.String({ description: 'The doctor\'s login email' }),
  phone: Type.String(),
  publicEmail: Type.Boolean(),
  publicPhone: Type.Boolean(),
  active: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const DoctorPage = Page(PublicDoctor);

export const DirectoryQuery = Type.Object(
  {
    ...PageQuery,
    specialization: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name, case-insensitive' })),
  },
  { additionalProperties: false },
);

export const DoctorParams = Type.Object({ id: Id });

export const CreateDoctorBody = Type.Object(
  {
    name: PersonName,
    email: Email,
    phone: Phone,
    specializationId: Id,
    department: Type.Optional(Department),
    bio: Type.Optional(Bio),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 }),
    consultationFee: Type.Optional(ConsultationFee),
    languages: Type.Optional(Languages),
    yearsOfExperience: Type.Optional(Years),
    publicEmail: Type.Optional(Type.Boolean()),
    publicPhone: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateDoctorBody = Type.Object(
  {
    name: Type.Optional(PersonName),
    phone: Type.Optional(Phone),
    bio: Type.Optional(Type.Union([Bio, Type.Null()])),
    languages: Type.Optional(Languages),
    yearsOfExperience: Type.Optional(Type.Union([Years, Type.Null()])),
    email: Type.Optional(Email),
    specializationId: Type.Optional(Id),
    department: Type.Optional(Type.Union([Department, Type.Null()])),
    consultationFee: Type.Optional(Type.Union([ConsultationFee, Type.Null()])),
    publicEmail: Type.Optional(Type.Boolean()),
    publicPhone: Type.Optional(Type.Boolean()),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'A doctor may change name, phone, bio, languages and yearsOfExperience; the other fields are for administrators',
  },
);

export const DeactivateQuery = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 300, description: 'Shown to patients whose appointments are cancelled' })) },
  { additionalProperties: false },
);

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

const PhotoBytes = Type.Unsafe<Buffer>({ format: 'binary', description: 'The image file, at most 2 MB' });
const photoContent = Object.fromEntries(PHOTO_TYPES.map((type) => [type, { schema: PhotoBytes }]));

export const PhotoBody = { content: photoContent };
export const PhotoResponse = { description: 'The photo, in its stored type', content: photoContent };
