import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { getPublicHospital } from './hospital.service.ts';
import { TEMPERATURE_UNITS } from '#shared/vitals';
import { ApprovalMode, bookingRules } from './settings.schemas.ts';

const Service = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  doctorCount: Type.Integer({ description: 'Active doctors of this specialization' }),
}, { description: 'An active specialization with at least one active doctor' });
const FeaturedDoctor = Type.Object({
  id: Type.String(),
  name: Type.String(),
  specialization: Type.Object({ id: Type.String(), name: Type.String() }),
  hasPhoto: Type.Boolean({ description: 'The photo is at /api/doctors/{id}/photo' }),
});
export const Hospital = Type.Object({
  name: Type.String(),
  tagline: Type.Optional(Type.String()),
  about: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  openingHours: Type.Optional(Type.String()),
  timeZone: Type.String(),
  approvalMode: ApprovalMode,
  ...bookingRules,
  temperatureUnit: Type.Enum(TEMPERATURE_UNITS, { description: 'The unit clinical pages show and take temperatures in (stored in °C)' }),
  services: Type.Array(Service),
  featuredDoctors: Type.Array(FeaturedDoctor, { maxItems: 6, description: 'Up to six active doctors, those with a photo first' }),
});

export function hospitalRoutes(app: App, deps: Deps): void {
  app.get('/api/hospital', {
    config: { allow: 'public' },
    schema: { tags: ['hospital'], summary: 'Public hospital information and booking rules, for the home page and patients', response: { 200: Hospital } },
  }, async () => getPublicHospital(deps.db));
}
