import { crc32, deflateSync } from 'node:zlib';
import type { TestApp } from '../../test/harness.ts';
import { newId } from '../../ids.ts';
import { call, login, uniqueEmail, type Caller } from '../../test/http.ts';
import { hashPassword } from '../auth/passwords.ts';

export const TEMPORARY_PASSWORD = 'temporary passphrase 2026';
export const DOCTOR_OWN_PASSWORD = 'my own doctor passphrase';

export async function specializationIds(t: TestApp): Promise<string[]> {
  const response = await call(t.app, { url: '/api/specializations' });
  return (response.json as { id: string }[]).map((item) => item.id);
}

export async function firstSpecializationId(t: TestApp): Promise<string> {
  const [id] = await specializationIds(t);
  if (!id) throw new Error('no specialization seeded');
  return id;
}

export async function doctorBody(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Dr Lena Fischer',
    email: uniqueEmail('doctor'),
    phone: '+44 20 7946 0101',
    specializationId: await firstSpecializationId(t),
    password: TEMPORARY_PASSWORD,
    ...overrides,
  };
}

export interface CreatedDoctor {
  id: string;
  userId: string;
  email: string;
  /** Signed in, with the temporary password already replaced. */
  caller: Caller;
}

/** A doctor added by the administrator through the API, who has signed in and chosen their own password. */
export async function addDoctor(t: TestApp, admin: Caller, overrides: Record<string, unknown> = {}): Promise<CreatedDoctor> {
  const body = await doctorBody(t, overrides);
  const created = await call(t.app, { method: 'POST', url: '/api/doctors', as: admin, body });
  if (created.status !== 201) throw new Error(`creating a doctor failed: ${created.status} ${created.text}`);
  const first = await login(t.app, body.email, body.password);
  const changed = await call(t.app, { method: 'POST', url: '/api/auth/password', as: first, body: { currentPassword: body.password, newPassword: DOCTOR_OWN_PASSWORD } });
  if (changed.status !== 204) throw new Error(`changing the temporary password failed: ${changed.status} ${changed.text}`);
  return { id: created.json.id, userId: created.json.userId, email: body.email, caller: first };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A real 2×2 RGB PNG. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];

/**
 * A real baseline JPEG: one 8×8 block of mid-grey, whose coefficients are all zero,
 * so each Huffman table needs one code ("0": DC difference 0, AC end of block).
 */
export function tinyJpeg(): Buffer {
  const jfif = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const quantization = segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  const frame = segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
  const dcTable = segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]);
  const acTable = segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]);
  const scan = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  return Buffer.from([0xff, 0xd8, ...jfif, ...quantization, ...frame, ...dcTable, ...acTable, ...scan, 0x3f, 0xff, 0xd9]);
}

/** A PUT of raw bytes with a content type, as a signed-in caller. */
export async function putPhoto(t: TestApp, as: Caller | null, doctorId: string, contentType: string, bytes: Buffer) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (as) Object.assign(headers, { cookie: as.cookie, 'x-csrf-token': as.csrfToken });
  const response = await t.app.inject({ method: 'PUT', url: `/api/doctors/${doctorId}/photo`, headers, payload: bytes });
  return { status: response.statusCode, json: response.headers['content-type']?.toString().includes('json') ? response.json() : undefined };
}

/** A receptionist with a login, written straight into the database (the users API belongs to another feature). */
export async function addReceptionist(t: TestApp): Promise<Caller> {
  const at = t.clock.now().toISOString();
  const email = uniqueEmail('receptionist');
  await t.deps.db.insertInto('users').values({
    id: newId(), email, name: 'Tomás Rivera', role: 'receptionist', password_hash: await hashPassword(DOCTOR_OWN_PASSWORD),
    active: 1, must_change_password: 0, created_at: at, updated_at: at,
  }).execute();
  return login(t.app, email, DOCTOR_OWN_PASSWORD);
}
