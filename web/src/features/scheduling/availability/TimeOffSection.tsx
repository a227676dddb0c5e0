import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { ApiError, errorMessage, fieldErrorMap } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { schedulingKeys, type TimeOff } from '../api.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatRange, fromDateTimeLocal } from '../time.ts';

interface TimeOffSectionProps {
  doctorId: string;
  timeZone: string;
  onDone: (message: string) => void;
}

function TimeOffRow({ item, doctorId, timeZone, onDone }: { item: TimeOff; doctorId: string; timeZone: string; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const range = formatRange(item.start, item.end, timeZone);
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/doctors/{id}/time-off/{timeOffId}', { params: { path: { id: doctorId, timeOffId: item.id } } })),
    onSuccess: () => onDone(`Time off ${range} removed.`),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: schedulingKeys.timeOff(doctorId) }),
        queryClient.invalidateQueries({ queryKey: ['slots', doctorId] }),
      ]),
  });
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{range}</Text>
          {item.reason && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {item.reason}
            </Text>
          )}
        </div>
        <Button variant="outline" color="red.9" size="sm" onClick={() => remove.mutate()} loading={remove.isPending}>
          Delete<VisuallyHidden> time off {range}</VisuallyHidden>
        </Button>
      </Group>
      {remove.isError && <FormError title="Could not delete this time off" message={errorMessage(remove.error)} />}
    </Paper>
  );
}

type Errors = Partial<Record<'start' | 'end' | 'reason', string>>;

function AddTimeOff({ doctorId, timeZone, onDone }: TimeOffSectionProps) {
  const queryClient = useQueryClient();
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const add = useMutation({
    mutationFn: async (body: { start: string; end: string; reason?: string }) =>
      unwrap(await api.POST('/api/doctors/{id}/time-off', { params: { path: { id: doctorId } }, body })),
    onSuccess: (created) => {
      setStart('');
      setEnd('');
      setReason('');
      onDone(`Time off ${formatRange(created.start, created.end, timeZone)} added. No free times are offered then.`);
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(fieldErrorMap(error.fieldErrors));
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: schedulingKeys.timeOff(doctorId) }),
        queryClient.invalidateQueries({ queryKey: ['slots', doctorId] }),
      ]),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const from = fromDateTimeLocal(start, timeZone);
    const to = fromDateTimeLocal(end, timeZone);
    const found: Errors = {};
    if (!from) found.start = 'Enter when the time off starts.';
    if (!to) found.end = 'Enter when it ends.';
    if (from && to && to.getTime() <= from.getTime()) found.end = 'The end must be after the start.';
    setErrors(found);
    if (!from || !to || Object.keys(found).length > 0) return;
    add.mutate({ start: from.toISOString(), end: to.toISOString(), ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }

  const fieldErrors = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-time-off-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="add-time-off-heading">
          Add time off
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label="Starts"
            description={`${timeZone} time`}
            value={start}
            onChange={(event) => setStart(event.currentTarget.value)}
            required
            error={errors.start}
            errorProps={errorProps}
          />
          <TextInput
            type="datetime-local"
            label="Ends"
            description={`${timeZone} time`}
            value={end}
            min={start || undefined}
            onChange={(event) => setEnd(event.currentTarget.value)}
            required
            error={errors.end}
            errorProps={errorProps}
          />
        </SimpleGrid>
        <TextInput
          label="Reason (optional)"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={500}
          error={errors.reason}
          errorProps={errorProps}
        />
        {add.isError && !fieldErrors && <FormError title="The time off was not added" message={errorMessage(add.error)} />}
        <div>
          <Button type="submit" loading={add.isPending}>
            Add time off
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** Holidays and other absences: no slots are offered inside them. */
export function TimeOffSection({ doctorId, timeZone, onDone }: TimeOffSectionProps) {
  const list = useQuery({
    queryKey: schedulingKeys.timeOff(doctorId),
    queryFn: async () => unwrap(await api.GET('/api/doctors/{id}/time-off', { params: { path: { id: doctorId } } })),
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="time-off-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="time-off-heading">
            Time off
          </Title>
          <Text size="sm" c="dimmed">
            Current and future absences, in {timeZone} time. Appointments already booked inside them are not cancelled.
          </Text>
        </div>
        {list.data ? (
          list.data.length === 0 ? (
            <Text>No time off planned.</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {list.data.map((item) => (
                <TimeOffRow key={item.id} item={item} doctorId={doctorId} timeZone={timeZone} onDone={onDone} />
              ))}
            </Stack>
          )
        ) : (
          <QueryState query={list} what="your time off" />
        )}
        <AddTimeOff doctorId={doctorId} timeZone={timeZone} onDone={onDone} />
      </Stack>
    </Paper>
  );
}
