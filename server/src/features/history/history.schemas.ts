import { Type, type Static } from 'typebox';
import { Id, Instant, LocalDate, Page, PageQuery } from '../../http/schemas.ts';
import { RoleSchema } from '../auth/auth.schemas.ts';
import { Nullable } from '../patients/patients.schemas.ts';

import { HISTORY_KINDS } from '#shared/history';

export { HISTORY_KINDS, type HistoryKind } from '#shared/history';
export const HistoryKindSchema = Type.Enum(HISTORY_KINDS);

export const TITLE_MAX_LENGTH = 200;
export const DETAILS_MAX_LENGTH = 4000;
const Title = Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH, pattern: '\\S' });
const Details = Type.String({ maxLength: DETAILS_MAX_LENGTH });

const AllergenTerm = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
export const Allergen = Type.Object(
  {
    ingredient: Type.Optional(AllergenTerm),
    class: Type.Optional(AllergenTerm),
  },
  { additionalProperties: false, minProperties: 1, description: 'Allergy entries only: the formulary ingredient and/or drug class the allergy is to' },
);

const Person = Type.Object({ id: Id, name: Type.String(), role: RoleSchema }, { description: 'Who wrote it' });

export const HistoryParams = Type.Object({ id: Id });
export const EntryParams = Type.Object({ id: Id, entryId: Id });

export const HistoryEntry = Type.Object({
  id: Id,
  patientId: Id,
  kind: HistoryKindSchema,
  title: Type.String(),
  details: Type.Optional(Type.String()),
  onsetDate: Type.Optional(LocalDate),
  resolvedDate: Type.Optional(LocalDate),
  allergen: Type.Optional(Allergen),
  selfReported: Type.Boolean({ description: 'Entered by the patient, not by a clinician' }),
  version: Type.Integer({ minimum: 1 }),
  recordedAt: Instant,
  recordedBy: Person,
  updatedAt: Instant,
  updatedBy: Type.Optional(Person),
});

export const HistoryPage = Page(HistoryEntry);

export const HistoryQuery = Type.Object({ ...PageQuery, kind: Type.Optional(HistoryKindSchema) }, { additionalProperties: false });

export const HistoryCreateBody = Type.Object(
  {
    kind: HistoryKindSchema,
    title: Title,
    details: Type.Optional(Details),
    onsetDate: Type.Optional(LocalDate),
    resolvedDate: Type.Optional(LocalDate),
    allergen: Type.Optional(Allergen),
  },
  { additionalProperties: false },
);

export const HistoryPatchBody = Type.Object(
  {
    kind: Type.Optional(HistoryKindSchema),
    title: Type.Optional(Title),
    details: Type.Optional(Nullable(Details)),
    onsetDate: Type.Optional(Nullable(LocalDate)),
    resolvedDate: Type.Optional(Nullable(LocalDate)),
    allergen: Type.Optional(Nullable(Allergen)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const HistoryVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  kind: HistoryKindSchema,
  title: Type.String(),
  details: Type.Optional(Type.String()),
  onsetDate: Type.Optional(LocalDate),
  resolvedDate: Type.Optional(LocalDate),
  allergen: Type.Optional(Allergen),
  changedAt: Instant,
  changedBy: Person,
});

export const VersionPage = Page(HistoryVersion);
export const VersionQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export type HistoryListInput = Static<typeof HistoryQuery>;
export type HistoryCreateInput = Static<typeof HistoryCreateBody>;
export type HistoryPatchInput = Static<typeof HistoryPatchBody>;
export type VersionListInput = Static<typeof VersionQuery>;
