import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { addDoctor, putPhoto, tinyJpeg, tinyPng, type CreatedDoctor } from './doctors.fixtures.ts';
import { PHOTO_MAX_BYTES } from './doctors.schemas.ts';

/** A PNG signature followed by padding: passes the content check, sized as the test needs. */
const pngOfSize = (size: number): Buffer => {
  const bytes = Buffer.alloc(size);
  tinyPng().copy(bytes);
  return bytes;
};

describe.each(dialectsUnderTest())('doctor photos on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let patient: Caller;
  let doctor: CreatedDoctor;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
    patient = await registerPatient(t.app);
    doctor = await addDoctor(t, admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const photoOf = (id: string, as: Caller | null = null) =>
    t.app.inject({ method: 'GET', url: `/api/doctors/${id}/photo`, headers: as ? { cookie: as.cookie } : {} });

  it('an administrator uploads a PNG, served back byte for byte with its type and nosniff', async () => {
    const png = tinyPng();
    expect((await putPhoto(t, admin, doctor.id, 'image/png', png)).status).toBe(204);
    const served = await photoOf(doctor.id);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    expect((await call(t.app, { url: `/api/doctors/${doctor.id}` })).json.hasPhoto).toBe(true);
  });

  it('the doctor replaces it with a JPEG of their own', async () => {
    const jpeg = tinyJpeg();
    expect((await putPhoto(t, doctor.caller, doctor.id, 'image/jpeg', jpeg)).status).toBe(204);
    const served = await photoOf(doctor.id);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(served.rawPayload, jpeg)).toBe(0);
  });

  it('refuses a file whose content is not the declared image type (400)', async () => {
    const text = await putPhoto(t, admin, doctor.id, 'image/png', Buffer.from('this is a text file, not a picture'));
    expect(text.status).toBe(400);
    expect(text.json.code).toBe('INVALID_IMAGE');
    const mislabelled = await putPhoto(t, admin, doctor.id, 'image/jpeg', tinyPng());
    expect(mislabelled.status).toBe(400);
    expect(mislabelled.json.detail).toContain('image/png');
    const svg = await putPhoto(t, admin, doctor.id, 'image/webp', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(svg.status).toBe(400);
    expect((await photoOf(doctor.id)).headers['content-type']).toBe('image/jpeg');
  });

  it('accepts exactly 2 MB and refuses more (413)', async () => {
    expect((await putPhoto(t, admin, doctor.id, 'image/png', pngOfSize(PHOTO_MAX_BYTES))).status).toBe(204);
    const tooLarge = await putPhoto(t, admin, doctor.id, 'image/png', pngOfSize(PHOTO_MAX_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.code).toBe('BODY_TOO_LARGE');
  });

  it('refuses GIF and any other content type (415)', async () => {
    const gif = await putPhoto(t, admin, doctor.id, 'image/gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    expect(gif.status).toBe(415);
    expect(gif.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(gif.json.detail).toContain('image/jpeg');
    expect((await putPhoto(t, admin, doctor.id, 'application/json', Buffer.from('{"photo":"x"}'))).status).toBe(415);
    expect((await putPhoto(t, admin, doctor.id, 'text/plain', Buffer.from('hello'))).status).toBe(415);
  });

  it('refuses anonymous callers (401), other roles (403), other doctors and unknown doctors (404)', async () => {
    const other = await addDoctor(t, admin);
    expect((await putPhoto(t, null, doctor.id, 'image/png', tinyPng())).status).toBe(401);
    expect((await putPhoto(t, patient, doctor.id, 'image/png', tinyPng())).status).toBe(403);
    expect((await putPhoto(t, other.caller, doctor.id, 'image/png', tinyPng())).status).toBe(404);
    expect((await putPhoto(t, admin, '0190aaaa-0000-7000-8000-000000000000', 'image/png', tinyPng())).status).toBe(404);
    expect((await call(t.app, { method: 'DELETE', url: `/api/doctors/${doctor.id}/photo` })).status).toBe(401);
    expect((await call(t.app, { method: 'DELETE', url: `/api/doctors/${doctor.id}/photo`, as: patient })).status).toBe(403);
    expect((await call(t.app, { method: 'DELETE', url: `/api/doctors/${doctor.id}/photo`, as: other.caller })).status).toBe(404);
    expect((await photoOf(other.id)).statusCode).toBe(404);
  });

  it('the doctor removes the photo (204); it is then gone', async () => {
    expect((await putPhoto(t, doctor.caller, doctor.id, 'image/png', tinyPng())).status).toBe(204);
    expect((await call(t.app, { method: 'DELETE', url: `/api/doctors/${doctor.id}/photo`, as: doctor.caller })).status).toBe(204);
    expect((await photoOf(doctor.id)).statusCode).toBe(404);
    expect((await call(t.app, { url: `/api/doctors/${doctor.id}` })).json.hasPhoto).toBe(false);
    expect((await call(t.app, { method: 'DELETE', url: `/api/doctors/${doctor.id}/photo`, as: admin })).status).toBe(204);
  });

  it('a deactivated doctor\'s photo is no longer public, but the administrator still sees it', async () => {
    const leaving = await addDoctor(t, admin);
    await putPhoto(t, admin, leaving.id, 'image/png', tinyPng());
    await call(t.app, { method: 'DELETE', url: `/api/doctors/${leaving.id}`, as: admin });
    expect((await photoOf(leaving.id)).statusCode).toBe(404);
    expect((await photoOf(leaving.id, patient)).statusCode).toBe(404);
    expect((await photoOf(leaving.id, admin)).statusCode).toBe(200);
  });

  it('audits uploads and removals', async () => {
    const audited = await addDoctor(t, admin);
    await putPhoto(t, audited.caller, audited.id, 'image/png', tinyPng());
    await call(t.app, { method: 'DELETE', url: `/api/doctors/${audited.id}/photo`, as: admin });
    const audit = await call(t.app, { url: `/api/audit?entityType=doctor&entityId=${audited.id}`, as: admin });
    const [removed, uploaded] = audit.json.items;
    expect(uploaded).toMatchObject({ action: 'doctor.photo_update', actorId: audited.userId, details: { before: { photo: null }, after: { photo: 'image/png', bytes: tinyPng().length } } });
    expect(removed).toMatchObject({ action: 'doctor.photo_delete', actorId: admin.userId, details: { before: { photo: 'image/png' }, after: { photo: null } } });
  });
});
