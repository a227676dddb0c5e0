import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { getSettings, toPublicHospital } from './hospital.service.ts';

const Service = Type.Object({ id: Type.String(), name: Type.String(), description: Type.Optional(Type.String()) });
export const Hospital = Type.Object({
  name: Type.String(),
  tagline: Type.Optional(Type.String()),
  about: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  openingHours: Type.Optional(Type.String()),
  timeZone: Type.String(),
  services: Type.Array(Service),
});

export function hospitalRoutes(app: App, deps: Deps): void {
  app.get('/api/hospital', {
    config: { allow: 'public' },
    schema: { tags: ['hospital'], summary: 'Public hospital information for the home page', response: { 200: Hospital } },
  }, async () => toPublicHospital(await getSettings(deps.db)));
}
