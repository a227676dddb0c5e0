import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { canEditProfile, canViewFullProfile, canViewPublicProfile } from './doctors.policy.ts';
import { findDoctorById, findDoctorPhoto, setDoctorPhoto } from './doctors.queries.ts';
import { detectPhotoType, essenceOf } from './photo-type.ts';

const invalidImage = (message: string) => new AppError(400, 'INVALID_IMAGE', message, [{ path: '/', message }]);

const unsupportedType = () => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the photo as image/jpeg, image/png or image/webp');

async function editableDoctor(deps: Deps, actor: Actor, id: string) {
  const row = await findDoctorById(deps.db, id);
  if (!row || !canEditProfile(actor, row)) throw notFound('Doctor');
  return row;
}

/** Stores the photo when its bytes are the image type it was declared as. */
export async function uploadPhoto(deps: Deps, actor: Actor, ip: string | null, id: string, contentType: string | undefined, body: unknown): Promise<void> {
  const row = await editableDoctor(deps, actor, id);
  if (!Buffer.isBuffer(body)) throw unsupportedType();
  if (body.length === 0) throw invalidImage('The photo is empty');
  const declared = essenceOf(contentType);
  const actual = detectPhotoType(body);
  if (!actual) throw invalidImage('The file is not a JPEG, PNG or WebP image');
  if (actual !== declared) throw invalidImage(`The file is ${actual} but was sent as ${declared}`);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setDoctorPhoto(trx, id, actual, body.toString('base64'), now.toISOString());
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'doctor.photo_update', entityType: 'doctor', entityId: id, outcome: 'success', ip,
      details: { before: { photo: row.photo_content_type }, after: { photo: actual, bytes: body.length } },
    });
  });
}

export async function deletePhoto(deps: Deps, actor: Actor, ip: string | null, id: string): Promise<void> {
  const row = await editableDoctor(deps, actor, id);
  if (row.photo_content_type === null) return;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setDoctorPhoto(trx, id, null, null, now.toISOString());
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'doctor.photo_delete', entityType: 'doctor', entityId: id, outcome: 'success', ip,
      details: { before: { photo: row.photo_content_type }, after: { photo: null } },
    });
  });
}

/** The stored photo of an active doctor (or, for an administrator or the doctor, of a deactivated one). */
export async function getPhoto(deps: Deps, actor: Actor | null, id: string): Promise<{ contentType: string; bytes: Buffer }> {
  const row = await findDoctorPhoto(deps.db, id);
  const visible = row && (canViewPublicProfile(row) || (actor !== null && canViewFullProfile(actor, row)));
  if (!visible || !row.photo_content_type || !row.photo_base64) throw notFound('Photo');
  return { contentType: row.photo_content_type, bytes: Buffer.from(row.photo_base64, 'base64') };
}
