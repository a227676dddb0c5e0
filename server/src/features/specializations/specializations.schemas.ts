import { Type } from 'typebox';
import { Id } from '../../http/schemas.ts';

export const SPECIALIZATION_NAME_MAX_LENGTH = 80;
export const SPECIALIZATION_DESCRIPTION_MAX_LENGTH = 500;

const Name = Type.String({ minLength: 1, maxLength: SPECIALIZATION_NAME_MAX_LENGTH, pattern: '\\S' });
const Description = Type.String({ maxLength: SPECIALIZATION_DESCRIPTION_MAX_LENGTH });

export const Specialization = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.Optional(Type.String()),
  active: Type.Optional(Type.Boolean({ description: 'Present in administrators\' answers only' })),
});

export const SpecializationList = Type.Array(Specialization);

export const SpecializationListQuery = Type.Object(
  { all: Type.Optional(Type.Boolean({ description: 'Administrators only: include retired specializations' })) },
  { additionalProperties: false },
);

export const SpecializationParams = Type.Object({ id: Id });

export const CreateSpecializationBody = Type.Object(
  { name: Name, description: Type.Optional(Description) },
  { additionalProperties: false },
);

export const UpdateSpecializationBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Type.Union([Description, Type.Null()])),
    active: Type.Optional(Type.Boolean({ description: 'false retires it: hidden from the public list and from new doctors' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
