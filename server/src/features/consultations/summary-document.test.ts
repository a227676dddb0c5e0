import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call } from '../../test/http.ts';
import { flat, pdftotextOf } from '../../test/pdf-text.ts';
import { changeSettings } from '../appointments/test-support.ts';
import { consultationUrl, signedVisit, startConsultationsWorld, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('the visit summary document on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await startConsultationsWorld(dialect);
  });
  afterAll(async () => {
    await w.t.close();
  });

  async function prescribe(doctor: Parameters<typeof call>[1]['as'], patientId: string, appointmentId: string, drugText: string) {
    const created = await call(w.t.app, {
      method: 'POST', url: `/api/patients/${patientId}/prescriptions`, as: doctor,
      body: { appointmentId, items: [{ drugText, dose: { value: '1', unit: 'tablet' }, route: 'oral', frequency: 'BD', duration: { value: 5, unit: 'd' } }] },
    });
    expect(created.status, created.text).toBe(201);
    const issued = await call(w.t.app, { method: 'POST', url: `/api/prescriptions/${created.json.id}/issue`, as: doctor, body: {} });
    expect(issued.status, issued.text).toBe(200);
    return issued.json as { id: string; number: string };
  }

  it("lists the visit's issued prescriptions (not one entered in error) and shows the temperature in the hospital's unit", async () => {
    const { doctor, patient, id } = await signedVisit(w);
    const patientId = patient.patientId ?? '';
    const kept = await prescribe(doctor, patientId, id, 'Pholcodine linctus');
    const voided = await prescribe(doctor, patientId, id, 'Guaifenesin syrup');
    expect((await call(w.t.app, { method: 'POST', url: `/api/prescriptions/${voided.id}/entered-in-error`, as: doctor, body: { reason: 'Wrong medicine chosen' } })).status).toBe(200);
    const pdf = async () => {
      const response = await w.t.app.inject({ method: 'GET', url: consultationUrl(id, '/summary.pdf'), headers: { cookie: patient.cookie } });
      expect(response.statusCode).toBe(200);
      return flat(await pdftotextOf(response.rawPayload));
    };
    const celsius = await pdf();
    expect(celsius).toContain('Prescriptions');
    expect(celsius).toContain(`${kept.number} · 1. Pholcodine linctus`);
    expect(celsius).not.toContain(voided.number);
    expect(celsius).not.toContain('Guaifenesin');
    expect(celsius).toContain('36.6 °C');

    await changeSettings(w.t, { temperature_unit: 'F' });
    expect((await call(w.t.app, { url: '/api/hospital', as: null })).json.temperatureUnit).toBe('F');
    const fahrenheit = await pdf();
    expect(fahrenheit).toContain('97.9 °F');
    expect(fahrenheit).not.toContain('°C');
    // The stored value stays in °C.
    expect((await call(w.t.app, { url: consultationUrl(id), as: doctor })).json.vitals.temperatureC).toBe(36.6);
    await changeSettings(w.t, { temperature_unit: 'C' });
  });
});
