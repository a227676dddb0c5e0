import { Type, type Static } from 'typebox';
import { FORMS, ROUTES } from '#shared/prescriptions';
import { Id, Page, PageQuery } from '../../http/schemas.ts';

export const TERM_MAX_LENGTH = 100;
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Terms = Type.Array(Text(TERM_MAX_LENGTH), { minItems: 1, maxItems: 20 });

export const FormSchema = Type.Enum(FORMS);
export const RouteSchema = Type.Enum(ROUTES);

export const Medicine = Type.Object({
  id: Id,
  name: Type.String(),
  strength: Type.String(),
  form: FormSchema,
  route: RouteSchema,
  ingredients: Type.Array(Type.String(), { description: 'Active ingredients, lower case' }),
  classes: Type.Array(Type.String(), { description: 'Drug classes, lower case, plural' }),
  active: Type.Boolean({ description: 'Offered when prescribing' }),
});
export const MedicinePage = Page(Medicine);

export const FormularyParams = Type.Object({ id: Id });

export const FormularyQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name or an ingredient' })),
    includeInactive: Type.Optional(Type.Boolean({ description: 'Admins: list deactivated medicines too' })),
  },
  { additionalProperties: false },
);

export const MedicineCreateBody = Type.Object(
  { name: Text(120), strength: Text(60), form: FormSchema, route: RouteSchema, ingredients: Terms, classes: Terms, active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const MedicinePatchBody = Type.Object(
  {
    name: Type.Optional(Text(120)), strength: Type.Optional(Text(60)), form: Type.Optional(FormSchema), route: Type.Optional(RouteSchema),
    ingredients: Type.Optional(Terms), classes: Type.Optional(Terms), active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TermKindSchema = Type.Enum(['ingredient', 'class'] as const);
export const TermsQuery = Type.Object(
  { kind: Type.Optional(TermKindSchema), q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);
export const TermList = Type.Object({
  items: Type.Array(Type.Object({ kind: TermKindSchema, term: Type.String() })),
});

export type FormularyListInput = Static<typeof FormularyQuery>;
export type MedicineCreateInput = Static<typeof MedicineCreateBody>;
export type MedicinePatchInput = Static<typeof MedicinePatchBody>;
export type TermsInput = Static<typeof TermsQuery>;
export type MedicineView = Static<typeof Medicine>;
