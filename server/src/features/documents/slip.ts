import { formatCalendarDate, formatInstant, formatWallTime, joinPresent } from './format.ts';
import { renderPdf, type Block, type DocumentHospital } from './pdf/renderer.ts';

/** Everything an appointment slip shows. */
export interface AppointmentSlipInput {
  hospital: DocumentHospital;
  generatedAt: Date;
  appointment: {
    id: string;
    /** Instants (UTC); printed in the hospital's zone. */
    start: string;
    end: string;
    status: string;
    reason: string;
  };
  doctor: { name: string; specialization: string | null; department: string | null };
  patient: { name: string; dateOfBirth: string };
  /** Hours before the start after which a patient can no longer cancel online. */
  cancellationNoticeHours: number;
  /** The appointment's signed manage link, once such links exist; the slip prints it under "How to cancel". */
  manageUrl?: string | null | undefined;
}

export const WHAT_TO_BRING = [
  'Photo identification',
  'Your health insurance or national health card, if you have one',
  'A list of the medicines you take, with their doses',
  'Letters, test results or scans from other clinics',
] as const;

const STATUS_NOTES: Record<string, string> = {
  requested: 'Requested: the hospital will confirm it.',
  confirmed: 'Confirmed.',
  rejected: 'Not accepted by the hospital.',
  cancelled: 'Cancelled.',
  completed: 'Completed.',
  no_show: 'Missed.',
};

function howToCancel(input: AppointmentSlipInput): string[] {
  const lines = [
    `Sign in to HMS, open this appointment and choose Cancel or Reschedule (online up to ${input.cancellationNoticeHours} hours before the start).`,
  ];
  if (input.manageUrl) lines.push(`Or use this link: ${input.manageUrl}`);
  lines.push(input.hospital.phone ? `Or call the hospital on ${input.hospital.phone}.` : 'Or contact the hospital reception.');
  return lines;
}

/** The blocks of an appointment slip. */
export function appointmentSlipBlocks(input: AppointmentSlipInput): Block[] {
  const { appointment, doctor, patient, hospital } = input;
  return [
    { kind: 'title', text: 'Appointment slip' },
    {
      kind: 'fields',
      rows: [
        ['Patient', patient.name],
        ['Date of birth', formatCalendarDate(patient.dateOfBirth)],
        ['Doctor', doctor.name],
        ['Specialty', joinPresent([doctor.specialization, doctor.department]) || '—'],
        ['When', `${formatInstant(appointment.start, hospital.timeZone)}, until ${formatWallTime(appointment.end, hospital.timeZone)}`],
        ['Place', joinPresent([hospital.name, hospital.address], ', ')],
        ['Reason', appointment.reason],
        ['Status', STATUS_NOTES[appointment.status] ?? appointment.status],
        ['Reference', appointment.id],
      ],
    },
    { kind: 'heading', text: 'What to bring' },
    ...WHAT_TO_BRING.map((text): Block => ({ kind: 'paragraph', text: `• ${text}` })),
    { kind: 'paragraph', text: 'Please arrive 10 minutes before your appointment.' },
    { kind: 'heading', text: 'How to cancel or change it' },
    ...howToCancel(input).map((text): Block => ({ kind: 'paragraph', text })),
  ];
}

/** The appointment slip as PDF bytes. */
export function renderAppointmentSlip(input: AppointmentSlipInput): Promise<Buffer> {
  return renderPdf({ title: 'Appointment slip', hospital: input.hospital, generatedAt: input.generatedAt, blocks: appointmentSlipBlocks(input) });
}
