import type { Deps } from '../../deps.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { callerOf } from '../patients/access.ts';
import {
  FormularyParams, FormularyQuery, Medicine, MedicineCreateBody, MedicinePage, MedicinePatchBody, TermList, TermsQuery,
} from './formulary.schemas.ts';
import { addMedicine, changeMedicine, listFormulary, listFormularyTerms } from './formulary.service.ts';

export function formularyRoutes(app: App, deps: Deps): void {
  app.get('/api/formulary', {
    config: { allow: ['admin', 'doctor', 'receptionist'] },
    schema: {
      tags: ['prescriptions'], summary: 'Medicines of the formulary in name order (active ones unless an admin asks for all)',
      querystring: FormularyQuery, response: { 200: MedicinePage, ...problems(400, 401, 403) },
    },
  }, async (request) => listFormulary(deps, callerOf(request), request.query));

  app.get('/api/formulary/terms', {
    config: { allow: 'signed-in' },
    schema: {
      tags: ['prescriptions'], summary: 'The ingredient and drug-class vocabulary an allergy entry may be coded to',
      querystring: TermsQuery, response: { 200: TermList, ...problems(400, 401) },
    },
  }, async (request) => listFormularyTerms(deps, request.query));

  app.post('/api/formulary', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['prescriptions'], summary: 'Add a medicine to the formulary',
      body: MedicineCreateBody, response: { 201: Medicine, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await addMedicine(deps, callerOf(request), request.body)));

  app.patch('/api/formulary/:id', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['prescriptions'], summary: 'Change or deactivate a medicine (prescriptions keep what they were issued with)',
      params: FormularyParams, body: MedicinePatchBody, response: { 200: Medicine, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => changeMedicine(deps, callerOf(request), request.params.id, request.body));
}
