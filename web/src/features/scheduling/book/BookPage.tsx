import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, fieldErrorMap } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { Loading } from '../../../components/Loading.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import {
  bookAppointment,
  newIdempotencyKey,
  schedulingKeys,
  useDoctor,
  type Appointment,
  type Doctor,
  type PatientSummary,
} from '../api.ts';
import { RoleGate } from '../components/RoleGate.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { SlotPicker } from '../components/SlotPicker.tsx';
import { describeProblem } from '../status.ts';
import { BookedPanel } from './BookedPanel.tsx';
import { DoctorChooser } from './DoctorChooser.tsx';
import { OpenRequestsNote } from './OpenRequestsNote.tsx';
import { PatientChooser } from './PatientChooser.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { useBookingState } from './useBookingState.ts';

type Stage = 'choose' | 'review' | 'done';
type Errors = Partial<Record<'patient' | 'doctor' | 'start' | 'reason', string>>;

function Section({ title, step, children }: { title: string; step: number; children: ReactNode }) {
  const id = `book-step-${step}`;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {step}. {title}
      </Title>
      {children}
    </Paper>
  );
}

function serverErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const fields = fieldErrorMap(error.fieldErrors);
  const errors: Errors = {};
  if (fields.patientId) errors.patient = fields.patientId;
  if (fields.doctorId) errors.doctor = fields.doctorId;
  if (fields.start) errors.start = fields.start;
  if (fields.reason) errors.reason = fields.reason;
  return errors;
}

function BookingFlow({ timeZone, onRestart }: { timeZone: string; onRestart: () => void }) {
  const user = useCurrentUser();
  const staff = user.role !== 'patient';
  const queryClient = useQueryClient();
  const state = useBookingState();
  const { doctorId, start, reason, setReason, update } = state;
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [slotTaken, setSlotTaken] = useState(false);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const takenRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const reviewButtonRef = useRef<HTMLButtonElement>(null);

  const doctor = useDoctor(doctorId);
  const specializationId = state.specializationId ?? doctor.data?.specialization.id ?? '';
  const stage: Stage = booked ? 'done' : state.reviewing && (!staff || patient) ? 'review' : 'choose';

  const booking = useMutation({
    mutationFn: () =>
      bookAppointment(
        { doctorId: doctorId ?? '', start: start ?? '', reason: reason.trim(), ...(staff && patient ? { patientId: patient.id } : {}) },
        idempotencyKey,
      ),
    onSuccess: (appointment) => {
      setBooked(appointment);
      state.clear();
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.appointments });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'SLOT_UNAVAILABLE') {
        update({ slot: null, step: null });
        setSlotTaken(true);
        void queryClient.invalidateQueries({ queryKey: ['slots'] });
        return;
      }
      const fields = serverErrors(error);
      if (Object.keys(fields).length > 0) {
        setErrors(fields);
        update({ step: null });
      }
    },
  });

  useEffect(() => {
    if (slotTaken && stage === 'choose') takenRef.current?.focus();
  }, [slotTaken, stage]);

  if (stage === 'done' && booked) return <BookedPanel appointment={booked} staff={staff} timeZone={timeZone} onRestart={restart} />;

  function chooseDoctor(next: Doctor) {
    if (next.id === doctorId) return;
    update({ doctor: next.id, slot: null, week: null });
    setSlotTaken(false);
    setErrors((current) => ({ ...current, doctor: undefined, start: undefined }));
  }

  function chooseSpecialization(id: string) {
    const otherDoctor = doctor.data !== undefined && doctor.data.specialization.id !== id;
    update({ specialization: id, ...(otherDoctor ? { doctor: null, slot: null, week: null } : {}) });
  }

  function restart() {
    state.clear();
    onRestart();
  }

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (staff && !patient) found.patient = 'Find and choose the patient you are booking for.';
    if (!doctorId || !doctor.data) found.doctor = 'Choose a doctor.';
    if (!start) found.start = 'Choose a free time.';
    if (reason.trim() === '') found.reason = 'Say briefly why you need the appointment.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    booking.reset();
    setIdempotencyKey(newIdempotencyKey());
    setSlotTaken(false);
    update({ step: 'review' }, true);
  }

  const reviewing = stage === 'review' && doctor.data && start;
  const missingDoctor = doctorId !== null && doctor.isError;
  const errorCount = Object.values(errors).filter(Boolean).length;
  let step = 0;

  return (
    <>
      {reviewing && (
        <ReviewPanel
          staff={staff}
          patient={patient}
          doctor={doctor.data}
          start={start}
          reason={reason.trim()}
          timeZone={timeZone}
          sending={booking.isPending}
          problem={booking.isError ? describeProblem(booking.error, 'The appointment was not booked') : null}
          onBack={() => {
            booking.reset();
            update({ step: null }, true);
            requestAnimationFrame(() => reviewButtonRef.current?.focus());
          }}
          onSend={() => booking.mutate()}
        />
      )}
      {/* The form stays mounted while reviewing, so going back (or losing the slot) keeps every choice and the picker's week. */}
      <form onSubmit={review} noValidate hidden={Boolean(reviewing)}>
        <Stack gap="md" maw={880}>
          {errorCount > 0 && (
            <div ref={summaryRef} tabIndex={-1}>
              <FormError
                title="Some details are missing"
                message={Object.values(errors).filter(Boolean).join(' ')}
              />
            </div>
          )}
          {staff && (
            <Section title="Patient" step={++step}>
              <PatientChooser value={patient} onChange={setPatient} error={errors.patient} />
            </Section>
          )}
          <Section title="Doctor" step={++step}>
            {missingDoctor && (
              <Alert color="yellow" variant="light" mb="sm" title="That doctor is not available">
                The doctor you followed a link to is not taking bookings. Please choose another.
              </Alert>
            )}
            <DoctorChooser
              specializationId={specializationId}
              onSpecializationChange={chooseSpecialization}
              doctorId={doctorId}
              onDoctorChange={chooseDoctor}
              error={errors.doctor}
            />
          </Section>
          <Section title="Date and time" step={++step}>
            {doctorId && doctor.data ? (
              <SlotPicker
                key={doctorId}
                doctorId={doctorId}
                timeZone={timeZone}
                value={start}
                week={state.week}
                onWeekChange={(week) => update({ week })}
                onChange={(value) => {
                  update({ slot: value });
                  setSlotTaken(false);
                  setErrors((current) => ({ ...current, start: undefined }));
                }}
                notice={
                  slotTaken ? (
                    <div ref={takenRef} tabIndex={-1}>
                      <Alert color="yellow" variant="light" title="That time has just been taken" role="alert">
                        Someone else booked it a moment ago. The free times below are up to date: please choose another.
                      </Alert>
                    </div>
                  ) : null
                }
              />
            ) : doctorId && doctor.isPending ? (
              <Loading label="Loading the doctor…" />
            ) : (
              <Text size="sm">Choose a doctor to see their free times.</Text>
            )}
            {errors.start && (
              <Text c="var(--mantine-color-error)" size="sm" mt="xs" {...errorProps}>
                {errors.start}
              </Text>
            )}
          </Section>
          <Section title="Reason" step={++step}>
            <Textarea
              label="Reason for the visit"
              description={staff ? 'What the patient needs, in a few words. The doctor sees this.' : 'A few words for the doctor, such as your symptoms.'}
              required
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                if (errors.reason) setErrors((current) => ({ ...current, reason: undefined }));
              }}
              error={errors.reason}
              errorProps={errorProps}
            />
          </Section>
          <div>
            <Button type="submit" size="md" ref={reviewButtonRef}>
              Review booking
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}

export function BookPage() {
  const user = useCurrentUser();
  const [attempt, setAttempt] = useState(0);
  return (
    <RoleGate roles={['patient', 'admin', 'receptionist']}>
      <Stack gap="md">
        <PageTitle mb={0} focusOn="path">{user.role === 'patient' ? 'Book an appointment' : 'Book for a patient'}</PageTitle>
        {user.role === 'patient' && <OpenRequestsNote />}
        <WithTimeZone>
          {(timeZone) => <BookingFlow key={attempt} timeZone={timeZone} onRestart={() => setAttempt((value) => value + 1)} />}
        </WithTimeZone>
      </Stack>
    </RoleGate>
  );
}
