import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DeliveryJobsTable } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import type { TestApp } from '../../test/harness.ts';
import { notify, type NewNotification } from './notifications.service.ts';
import type { DeliveryLog, OutgoingEmail, SmsMessage, Transports } from './transports.ts';
import type { AppointmentStatus } from '#shared/appointments';

/** Tomorrow-ish, on the hour: a start far enough ahead for both default reminders. */
export function daysAhead(t: TestApp, days: number, hour = 10): Date {
  const start = new Date(t.clock.now().getTime() + days * 86_400_000);
  start.setUTCHours(hour, 0, 0, 0);
  return start;
}

export interface TestAppointment {
  id: string;
  doctor_id: string;
  patient_id: string;
  start_at: string;
  end_at: string;
  status: AppointmentStatus;
  sequence: number;
}

/** An appointment row written straight into the database (the booking API is tested on its own). */
export async function insertAppointment(
  t: TestApp,
  input: { doctorId: string; patientId: string; createdBy: string; start: Date; status?: AppointmentStatus; sequence?: number; reason?: string },
): Promise<TestAppointment> {
  const at = t.clock.now().toISOString();
  const row = {
    id: newId(), doctor_id: input.doctorId, patient_id: input.patientId,
    start_at: input.start.toISOString(), end_at: new Date(input.start.getTime() + 30 * 60_000).toISOString(),
    status: input.status ?? ('confirmed' as const), reason: input.reason ?? 'Persistent chest pain', decision_note: null,
    sequence: input.sequence ?? 1, created_by: input.createdBy, created_at: at, updated_at: at,
  };
  await t.deps.db.insertInto('appointments').values(row).execute();
  return row;
}

/** What the booking workflow does to a row on a transition: new status and/or time, sequence + 1. */
export async function changeAppointment(t: TestApp, appointment: TestAppointment, changes: { status?: AppointmentStatus; start?: Date }): Promise<TestAppointment> {
  const next: TestAppointment = {
    ...appointment,
    status: changes.status ?? appointment.status,
    sequence: appointment.sequence + 1,
    ...(changes.start ? { start_at: changes.start.toISOString(), end_at: new Date(changes.start.getTime() + 30 * 60_000).toISOString() } : {}),
  };
  await t.deps.db.updateTable('appointments')
    .set({ status: next.status, sequence: next.sequence, start_at: next.start_at, end_at: next.end_at, updated_at: t.clock.now().toISOString() })
    .where('id', '=', appointment.id)
    .execute();
  return next;
}

export async function notifyNow(t: TestApp, notification: NewNotification): Promise<string> {
  return t.deps.db.transaction().execute((trx) => notify(trx, t.clock.now(), notification));
}

export async function jobsOf(t: TestApp, filter: { userId?: string; appointmentId?: string; channel?: string } = {}): Promise<DeliveryJobsTable[]> {
  let query = t.deps.db.selectFrom('delivery_jobs').selectAll();
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.appointmentId) query = query.where('appointment_id', '=', filter.appointmentId);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  const rows = await query.orderBy('next_attempt_at').orderBy('id').execute();
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

export const silentLog: DeliveryLog = { info: () => {}, warn: () => {} };

export interface MemoryTransports extends Transports {
  emails: OutgoingEmail[];
  texts: SmsMessage[];
}

/** Transports that keep what they are given; `failWith` makes every send throw. */
export function memoryTransports(options: { email?: boolean; failWith?: string } = {}): MemoryTransports {
  const emails: OutgoingEmail[] = [];
  const texts: SmsMessage[] = [];
  const check = () => {
    if (options.failWith) throw new Error(options.failWith);
  };
  return {
    emails,
    texts,
    log: silentLog,
    email: options.email === false ? null : {
      from: 'HMS <noreply@hospital.test>',
      send: async (email) => {
        check();
        emails.push(email);
      },
      close: () => {},
    },
    sms: {
      send: async (message) => {
        check();
        texts.push(message);
      },
    },
  };
}

export interface ReceivedMail {
  envelopeTo: string[];
  mail: ParsedMail;
}

export interface FakeSmtp {
  url: string;
  received: ReceivedMail[];
  /** Messages whose DATA has begun (accepted or not). */
  started(): number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1, any port, no authentication, no TLS: it parses and keeps every message.
 * With `delayMs` it answers each message that long after receiving it, like a slow mail server.
 */
export async function startSmtpServer(options: { delayMs?: number } = {}): Promise<FakeSmtp> {
  const received: ReceivedMail[] = [];
  let started = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      started += 1;
      simpleParser(stream).then(async (mail) => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      }, (error: Error) => callback(error));
    },
  });
  // A client that dies mid-message (a process killed while it sends) resets its connection: not the server's failure.
  server.on('error', (error: Error & { code?: string }) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    started: () => started,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SmsRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

export interface FakeSmsApi {
  url: string;
  requests: SmsRequest[];
  /** The status the next requests answer with (201 by default). */
  status: number;
  close(): Promise<void>;
}

/** A Twilio-compatible endpoint on 127.0.0.1 that records each request. */
export async function startSmsApi(): Promise<FakeSmsApi> {
  const requests: SmsRequest[] = [];
  const api: FakeSmsApi = { url: '', requests, status: 201, close: async () => {} };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        path: request.url ?? '',
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      });
      response.writeHead(api.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ sid: `SM${requests.length}`, status: api.status < 300 ? 'queued' : 'failed' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  api.url = `http://127.0.0.1:${port}/2010-04-01`;
  api.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return api;
}
