import type { Role } from '#shared/roles';
import type { NewNotification } from '../notifications/notifications.service.ts';
import { formatLocal } from './local-time.ts';
import type { AppointmentStatus } from './state-machine.ts';

/** What the people of an appointment are told when it changes. Pure: an event in, the notifications out. */

export interface NoticeParties {
  appointmentId: string;
  doctorUserId: string;
  doctorName: string;
  patientUserId: string | null;
  patientName: string;
  actor: { userId: string; role: Role; name: string };
  timeZone: string;
}

export type AppointmentEvent =
  | { kind: 'booked'; status: AppointmentStatus; start: Date; reason: string }
  | { kind: 'confirmed'; start: Date; note: string | null }
  | { kind: 'rejected'; start: Date; reason: string }
  | { kind: 'cancelled'; start: Date; reason: string | null }
  | { kind: 'rescheduled'; from: Date; to: Date; status: AppointmentStatus; reason: string | null }
  | { kind: 'completed' | 'no_show' };

interface Recipients {
  patient: string | null;
  doctor: string | null;
}

/** The parties other than the one who made the change; a patient without a login gets nothing. */
function othersThanActor(parties: NoticeParties): Recipients {
  const actor = parties.actor.userId;
  return {
    patient: parties.patientUserId !== null && parties.patientUserId !== actor ? parties.patientUserId : null,
    doctor: parties.doctorUserId !== actor ? parties.doctorUserId : null,
  };
}

const sentence = (label: string, text: string | null) => (text ? ` ${label}: ${text}` : '');

export function noticesFor(event: AppointmentEvent, parties: NoticeParties): NewNotification[] {
  const when = (at: Date) => formatLocal(at, parties.timeZone);
  const by = `${parties.actor.name} (${parties.actor.role})`;
  const to = othersThanActor(parties);
  const out: NewNotification[] = [];
  const add = (userId: string | null, kind: string, title: string, body: string) => {
    if (userId !== null) out.push({ userId, kind: `appointment.${kind}`, title, body, appointmentId: parties.appointmentId });
  };

  switch (event.kind) {
    case 'booked': {
      const confirmed = event.status === 'confirmed';
      const bookedBy = parties.actor.role === 'patient' ? '' : ` Booked by ${by}.`;
      add(to.doctor, confirmed ? 'booked' : 'requested', confirmed ? 'New appointment' : 'New appointment request',
        `${parties.patientName} ${confirmed ? 'has an appointment' : 'asks for an appointment'} on ${when(event.start)}.${sentence('Reason', event.reason)}${bookedBy}`);
      add(to.patient, confirmed ? 'confirmed' : 'requested', confirmed ? 'Appointment booked' : 'Appointment requested',
        `${by} ${confirmed ? 'booked' : 'requested'} an appointment for you with ${parties.doctorName} on ${when(event.start)}.` +
          (confirmed ? '' : ' You will be told when it is confirmed.'));
      break;
    }
    case 'confirmed':
      add(to.patient, 'confirmed', 'Appointment confirmed', `Your appointment with ${parties.doctorName} on ${when(event.start)} is confirmed.${sentence('Note', event.note)}`);
      add(to.doctor, 'confirmed', 'Appointment confirmed', `${by} confirmed ${parties.patientName}'s appointment on ${when(event.start)}.`);
      break;
    case 'rejected':
      add(to.patient, 'rejected', 'Appointment request declined', `Your request for an appointment with ${parties.doctorName} on ${when(event.start)} was declined.${sentence('Reason', event.reason)}`);
      add(to.doctor, 'rejected', 'Appointment request declined', `${by} declined ${parties.patientName}'s request for ${when(event.start)}.${sentence('Reason', event.reason)}`);
      break;
    case 'cancelled': {
      const reason = event.reason ? sentence('Reason', event.reason) : ' No reason was given.';
      add(to.patient, 'cancelled', 'Appointment cancelled', `Your appointment with ${parties.doctorName} on ${when(event.start)} was cancelled by ${by}.${reason}`);
      add(to.doctor, 'cancelled', 'Appointment cancelled', `${parties.patientName}'s appointment on ${when(event.start)} was cancelled by ${by}.${reason}`);
      break;
    }
    case 'rescheduled': {
      const moved = `moved by ${by} from ${when(event.from)} to ${when(event.to)}.`;
      const waiting = event.status === 'requested' ? ' It now waits for confirmation.' : '';
      const reason = sentence('Reason', event.reason);
      add(to.patient, 'rescheduled', 'Appointment moved', `Your appointment with ${parties.doctorName} was ${moved}${waiting}${reason}`);
      add(to.doctor, 'rescheduled', 'Appointment moved', `${parties.patientName}'s appointment was ${moved}${waiting}${reason}`);
      break;
    }
    case 'completed':
    case 'no_show':
      break;
  }
  return out;
}
