import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { changeAppointment, useAppointment, useRefreshScheduling, type Appointment } from '../api.ts';
import { ChangeDeadline } from '../components/ChangeDeadline.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SlotPicker } from '../components/SlotPicker.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { describeProblem } from '../status.ts';
import { formatDateTime, formatRange } from '../time.ts';

function RescheduleForm({ appointment, timeZone }: { appointment: Appointment; timeZone: string }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const refresh = useRefreshScheduling();
  const [start, setStart] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [slotTaken, setSlotTaken] = useState(false);
  const takenRef = useRef<HTMLDivElement>(null);
  const move = useMutation({
    mutationFn: (next: string) => changeAppointment(appointment.id, { kind: 'reschedule', start: next, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: (moved) => {
      const waiting = moved.status === 'requested' ? ' It is waiting for the doctor to confirm the new time.' : '';
      void navigate(`/app/appointments/${moved.id}`, {
        state: { message: `Appointment moved to ${formatDateTime(moved.start, timeZone)} (${timeZone}).${waiting}` },
      });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'SLOT_UNAVAILABLE') {
        setStart(null);
        setSlotTaken(true);
      }
    },
    onSettled: () => refresh(),
  });

  useEffect(() => {
    if (slotTaken) takenRef.current?.focus();
  }, [slotTaken]);

  const problem = move.isError && !slotTaken ? describeProblem(move.error, 'The appointment was not moved') : null;
  const other = user.role === 'patient' ? appointment.doctorName : `${appointment.patientName} with ${appointment.doctorName}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(start === null);
    if (start !== null) move.mutate(start);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={880}>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="xs">
            <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm">Currently</Text>
                <Text fw={700}>
                  {formatRange(appointment.start, appointment.end, timeZone)} ({timeZone})
                </Text>
                <Text>{other}</Text>
              </div>
              <StatusBadge status={appointment.status} />
            </Group>
            <ChangeDeadline appointment={appointment} timeZone={timeZone} role={user.role} />
            {user.role === 'patient' && appointment.status === 'confirmed' && (
              <Text size="sm">A new time goes back to the doctor for confirmation.</Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="new-time-heading">
          <Title order={2} size="h4" id="new-time-heading" mb="sm">
            New date and time
          </Title>
          <SlotPicker
            doctorId={appointment.doctorId}
            timeZone={timeZone}
            value={start}
            onChange={(value) => {
              setStart(value);
              setMissing(false);
              setSlotTaken(false);
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
          {missing && (
            <Text c="var(--mantine-color-error)" size="sm" mt="xs" {...errorProps}>
              Choose a new time.
            </Text>
          )}
        </Paper>
        <Textarea
          label="Reason for the change (optional)"
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maw={720}
        />
        {problem && <FormError title={problem.title} message={problem.message} />}
        <Group gap="sm">
          <Button type="submit" loading={move.isPending}>
            Move appointment
          </Button>
          <Button variant="default" component={Link} to={`/app/appointments/${appointment.id}`}>
            Keep the current time
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Reschedule({ id, timeZone }: { id: string; timeZone: string }) {
  const user = useCurrentUser();
  const appointment = useAppointment(id);
  if (!appointment.data) return <QueryState query={appointment} what="the appointment" />;
  if (!appointment.data.allowedActions.includes('reschedule')) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>This appointment can no longer be moved.</Text>
        <ChangeDeadline appointment={appointment.data} timeZone={timeZone} role={user.role} />
        <Anchor component={Link} to={`/app/appointments/${id}`} c="care.8" underline="always">
          See the appointment
        </Anchor>
      </Stack>
    );
  }
  return <RescheduleForm appointment={appointment.data} timeZone={timeZone} />;
}

export function ReschedulePage() {
  const { id = '' } = useParams();
  return (
    <Stack gap="md">
      <PageTitle mb={0}>Reschedule appointment</PageTitle>
      <WithTimeZone>{(timeZone) => <Reschedule id={id} timeZone={timeZone} />}</WithTimeZone>
    </Stack>
  );
}
