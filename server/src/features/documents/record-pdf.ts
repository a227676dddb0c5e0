import { formatCalendarDate, formatInstant, joinPresent } from './format.ts';
import { renderPdf, type Block, type DocumentHospital } from './pdf/renderer.ts';
import type { PatientRecordView } from './record.schemas.ts';

// The patient's record as a PDF: the same content as record.json, section by section.

type Appointments = NonNullable<PatientRecordView['appointments']>;
type HistoryEntries = NonNullable<PatientRecordView['medicalHistory']>;
type Notifications = NonNullable<PatientRecordView['notifications']>;

const STATUS_NAMES: Record<string, string> = {
  requested: 'requested', confirmed: 'confirmed', rejected: 'rejected', cancelled: 'cancelled', completed: 'completed', no_show: 'missed',
};
const statusName = (status: string | null): string => (status === null ? 'booked' : STATUS_NAMES[status] ?? status);

function profileBlocks(record: PatientRecordView): Block[] {
  const { profile } = record;
  return [
    { kind: 'title', text: `Patient record: ${profile.name}` },
    {
      kind: 'fields',
      rows: [
        ['Name', profile.name],
        ['Date of birth', formatCalendarDate(profile.dateOfBirth)],
        ['Gender', profile.gender],
        ['Phone', profile.phone],
        ['Email', profile.email ?? '—'],
        ['Address', profile.address ?? '—'],
        ['Emergency contact', profile.emergencyContact ? `${profile.emergencyContact.name}, ${profile.emergencyContact.phone}` : '—'],
        ['Blood group', profile.bloodGroup ?? '—'],
        ['Can sign in', profile.hasAccount ? 'yes' : 'no'],
        ['Active', profile.active ? 'yes' : 'no'],
        ['Patient identifier', profile.id],
        ['Registered', formatInstant(profile.createdAt, record.timeZone)],
      ],
    },
  ];
}

function appointmentBlocks(appointments: Appointments, zone: string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `Appointments (${appointments.length})` }];
  if (appointments.length === 0) blocks.push({ kind: 'paragraph', text: 'None.' });
  for (const appointment of appointments) {
    const lines = [`Reason: ${appointment.reason}`];
    if (appointment.decisionNote) lines.push(`Note: ${appointment.decisionNote}`);
    for (const change of appointment.history ?? []) {
      lines.push(joinPresent([
        `${formatInstant(change.at, zone)}: ${statusName(change.from)} → ${statusName(change.to)} by ${change.actorName} (${change.actorRole})`,
        change.toStart && change.fromStart ? `moved from ${formatInstant(change.fromStart, zone)}` : null,
        change.note,
      ], ' · '));
    }
    lines.push(`Reference: ${appointment.id}`);
    blocks.push({ kind: 'item', title: `${formatInstant(appointment.start, zone)} · ${appointment.doctorName} · ${statusName(appointment.status)}`, lines });
  }
  return blocks;
}

function historyBlocks(entries: HistoryEntries, zone: string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `Medical history (${entries.length})` }];
  if (entries.length === 0) blocks.push({ kind: 'paragraph', text: 'None.' });
  for (const entry of entries) {
    const lines: string[] = [];
    if (entry.details) lines.push(entry.details);
    const dates = joinPresent([entry.onsetDate ? `Since ${formatCalendarDate(entry.onsetDate)}` : null, entry.resolvedDate ? `resolved ${formatCalendarDate(entry.resolvedDate)}` : null], ', ');
    if (dates) lines.push(dates);
    lines.push(`Recorded ${formatInstant(entry.recordedAt, zone)} by ${entry.recordedBy.name}${entry.selfReported ? ' (self-reported)' : ''}`);
    blocks.push({ kind: 'item', title: `${entry.kind}: ${entry.title}`, lines });
  }
  return blocks;
}

function notificationBlocks(notifications: Notifications, zone: string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `Notifications (${notifications.length})` }];
  if (notifications.length === 0) blocks.push({ kind: 'paragraph', text: 'None.' });
  for (const notification of notifications) {
    blocks.push({ kind: 'item', title: `${formatInstant(notification.createdAt, zone)} · ${notification.title}`, lines: [notification.body] });
  }
  return blocks;
}

export function patientRecordBlocks(record: PatientRecordView): Block[] {
  const zone = record.timeZone;
  const blocks = profileBlocks(record);
  if (record.appointments) blocks.push(...appointmentBlocks(record.appointments, zone));
  if (record.medicalHistory) blocks.push(...historyBlocks(record.medicalHistory, zone));
  if (record.notifications) blocks.push(...notificationBlocks(record.notifications, zone));
  if (record.omissions.length > 0) {
    blocks.push({ kind: 'heading', text: 'Not in this copy' });
    for (const omission of record.omissions) blocks.push({ kind: 'paragraph', text: `${omission.section}: ${omission.reason}` });
  }
  blocks.push({ kind: 'paragraph', text: 'The same record is available as machine-readable JSON (record.json).' });
  return blocks;
}

/** The patient's record as PDF bytes. */
export function renderPatientRecordPdf(record: PatientRecordView, hospital: DocumentHospital): Promise<Buffer> {
  return renderPdf({ title: 'Patient record', hospital, generatedAt: new Date(record.generatedAt), blocks: patientRecordBlocks(record) });
}
