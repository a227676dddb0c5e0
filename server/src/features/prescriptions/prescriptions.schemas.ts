import { Type, type Static } from 'typebox';
import {
  DECIMAL_PATTERN, DOSE_UNITS, DRUG_TEXT_MAX_LENGTH, DURATION_UNITS, FREQUENCY_CODES, INSTRUCTIONS_MAX_LENGTH, MAX_ITEMS, MAX_REFILLS,
  PRESCRIPTION_ACTIONS, PRESCRIPTION_STATUSES, REASON_MAX_LENGTH, ROUTES,
} from '#shared/prescriptions';
import { Id, Instant, Page, PageQuery } from '../../http/schemas.ts';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });
const Decimal = (description: string) => Type.String({ pattern: DECIMAL_PATTERN, maxLength: 10, description });

export const StatusSchema = Type.Enum(PRESCRIPTION_STATUSES);
export const DoseUnitSchema = Type.Enum(DOSE_UNITS);
export const FrequencySchema = Type.Enum(FREQUENCY_CODES, { description: 'OD, BD, TDS, QDS, PRN… (see shared/prescriptions.ts)' });
export const Dose = Type.Object(
  { value: Decimal('A positive decimal as a string, exactly ("0.5", "1", "12.25"): no floats'), unit: DoseUnitSchema },
  { additionalProperties: false },
);
export const Duration = Type.Object(
  { value: Type.Integer({ minimum: 1, maximum: 999 }), unit: Type.Enum(DURATION_UNITS, { description: 'd days, wk weeks, mo months (30 days)' }) },
  { additionalProperties: false },
);
export const Quantity = Type.Object(
  { value: Decimal('How much to dispense, a positive decimal string'), unit: DoseUnitSchema },
  { additionalProperties: false },
);

export const ItemBody = Type.Object(
  {
    formularyId: Type.Optional(Id),
    drugText: Type.Optional(Text(DRUG_TEXT_MAX_LENGTH, 'A medicine outside the formulary: not checked against allergies or duplicates')),
    dose: Dose,
    route: Type.Enum(ROUTES),
    frequency: FrequencySchema,
    frequencyText: Type.Optional(Text(200, 'Free text with the code: "with food", "up to 4 times a day"')),
    duration: Type.Optional(Duration),
    quantity: Type.Optional(Quantity),
    refills: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_REFILLS })),
    instructions: Type.Optional(Text(INSTRUCTIONS_MAX_LENGTH)),
  },
  { additionalProperties: false, description: 'Exactly one of formularyId and drugText' },
);
const Items = Type.Array(ItemBody, { minItems: 1, maxItems: MAX_ITEMS });

export const PrescriptionCreateBody = Type.Object(
  {
    appointmentId: Type.Optional(Id),
    replacesId: Type.Optional(Type.String({ ...Id, description: 'An active prescription of the patient this one replaces: it is stopped when this one is issued' })),
    items: Items,
  },
  { additionalProperties: false },
);
export const PrescriptionItemsBody = Type.Object({ items: Items }, { additionalProperties: false });
export const IssueBody = Type.Object(
  { overrideReason: Type.Optional(Text(REASON_MAX_LENGTH, 'Why the allergy or duplicate-therapy matches are accepted: stored and audited')) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object({ reason: Text(REASON_MAX_LENGTH) }, { additionalProperties: false });
export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const PrescriptionParams = Type.Object({ id: Id });
export const PatientPrescriptionsParams = Type.Object({ id: Id });
export const PrescriptionListQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(StatusSchema) },
  { additionalProperties: false },
);

const Issue = Type.Object({ path: Type.String(), message: Type.String() });

export const PrescriptionItem = Type.Object({
  id: Id,
  formularyId: Type.Union([Id, Type.Null()]),
  drugText: Type.Union([Type.String(), Type.Null()]),
  drug: Type.String({ description: 'How the medicine reads on the prescription: the formulary name, strength and form, or the free text' }),
  checked: Type.Boolean({ description: 'False for a free-text medicine: not checked against allergies or duplicate therapy' }),
  ingredients: Type.Array(Type.String()),
  classes: Type.Array(Type.String()),
  dose: Dose,
  route: Type.Enum(ROUTES),
  frequency: FrequencySchema,
  frequencyText: Type.Union([Type.String(), Type.Null()]),
  duration: Type.Union([Duration, Type.Null()]),
  quantity: Type.Union([Quantity, Type.Null()]),
  refills: Type.Integer(),
  instructions: Type.Union([Type.String(), Type.Null()]),
});

export const Prescription = Type.Object({
  id: Id,
  number: Type.String({ description: 'Human-readable and unique: RX-<year>-<six digits>' }),
  status: StatusSchema,
  patientId: Id,
  patientName: Type.String(),
  prescriber: Type.Object({ doctorId: Id, name: Type.String() }),
  appointmentId: Type.Union([Id, Type.Null()]),
  replacesId: Type.Union([Id, Type.Null()]),
  replacedById: Type.Union([Id, Type.Null()], { description: 'The issued prescription that replaced this one' }),
  items: Type.Array(PrescriptionItem),
  warnings: Type.Array(Issue, { description: 'Quantities that do not match dose × frequency × duration: advice, not a refusal' }),
  override: Type.Union([
    Type.Object({ reason: Type.String(), conflicts: Type.Array(Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() })) }),
    Type.Null(),
  ], { description: 'The safety-check matches accepted at issue, and why' }),
  issuedAt: Type.Union([Instant, Type.Null()]),
  endsAt: Type.Union([Instant, Type.Null()], { description: 'When the course ends (issue + the longest item duration); null while a draft or open-ended' }),
  endedAt: Type.Union([Instant, Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  allowedActions: Type.Array(Type.Enum(PRESCRIPTION_ACTIONS), { description: 'What the caller may do with it now' }),
});
export const PrescriptionPage = Page(Prescription);

export type ItemInput = Static<typeof ItemBody>;
export type PrescriptionCreateInput = Static<typeof PrescriptionCreateBody>;
export type PrescriptionListInput = Static<typeof PrescriptionListQuery>;
export type PrescriptionView = Static<typeof Prescription>;
export type PrescriptionItemView = Static<typeof PrescriptionItem>;
