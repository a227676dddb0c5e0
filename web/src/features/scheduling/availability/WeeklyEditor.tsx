import { Button, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { ApiError, errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { schedulingKeys, type Availability } from '../api.ts';
import { validateWeekly, type IntervalRow } from './weekly.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SLOT_LENGTHS = [10, 15, 20, 30, 45, 60, 90, 120];

interface WeeklyEditorProps {
  doctorId: string;
  initial: Availability;
  timeZone: string;
  onSaved: (message: string) => void;
}

let nextKey = 0;
const keyed = (weekday: number, start: string, end: string): IntervalRow => ({ key: `row-${++nextKey}`, weekday, start, end });

/** Serializes the rows the way they are sent, so a server error at /weekly/N points back at row N. */
function ordered(rows: IntervalRow[]): IntervalRow[] {
  return [...rows].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

function serverRowErrors(error: unknown, sent: IntervalRow[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    const match = /^\/weekly\/(\d+)/.exec(path);
    const row = match ? sent[Number(match[1])] : undefined;
    if (row && found[row.key] === undefined) found[row.key] = message;
    else if (path.startsWith('/slotMinutes')) found.slotMinutes = message;
  }
  return found;
}

/** The weekly plan: working intervals per weekday (breaks are the gaps) and the slot length. */
export function WeeklyEditor({ doctorId, initial, timeZone, onSaved }: WeeklyEditorProps) {
  const queryClient = useQueryClient();
  const [slotMinutes, setSlotMinutes] = useState(String(initial.slotMinutes));
  const [rows, setRows] = useState<IntervalRow[]>(() => initial.weekly.map((item) => keyed(item.weekday, item.start, item.end)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (sent: IntervalRow[]) =>
      unwrap(
        await api.PUT('/api/doctors/{id}/availability', {
          params: { path: { id: doctorId } },
          body: { slotMinutes: Number(slotMinutes), weekly: sent.map(({ weekday, start, end }) => ({ weekday, start, end })) },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(schedulingKeys.availability(doctorId), saved);
      void queryClient.invalidateQueries({ queryKey: ['slots', doctorId] });
      onSaved('Weekly hours saved. Patients now see free times from the new plan.');
    },
    onError: (error, sent) => setErrors(serverRowErrors(error, sent)),
  });

  const lengths = SLOT_LENGTHS.includes(Number(slotMinutes)) ? SLOT_LENGTHS : [Number(slotMinutes), ...SLOT_LENGTHS];

  function update(key: string, change: Partial<IntervalRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function add(weekday: number) {
    const last = ordered(rows.filter((row) => row.weekday === weekday)).at(-1);
    const start = last && last.end < '22:00' ? last.end : '09:00';
    const end = last && last.end < '22:00' ? `${String(Math.min(Number(last.end.slice(0, 2)) + 2, 23)).padStart(2, '0')}${last.end.slice(2)}` : '17:00';
    setRows((current) => [...current, keyed(weekday, start, end)]);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateWeekly(rows);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(ordered(rows));
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="weekly-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="weekly-heading">
              Weekly hours
            </Title>
            <Text size="sm" c="dimmed">
              Times are {timeZone} wall-clock time. Leave a gap between intervals for breaks. Existing appointments are not changed.
            </Text>
          </div>
          <NativeSelect
            label="Appointment length"
            value={slotMinutes}
            onChange={(event) => setSlotMinutes(event.currentTarget.value)}
            data={lengths.map((minutes) => ({ value: String(minutes), label: `${minutes} minutes` }))}
            error={errors.slotMinutes}
            errorProps={errorProps}
            maw={240}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {WEEKDAYS.map((name, index) => {
              const weekday = index + 1;
              const dayRows = rows.filter((row) => row.weekday === weekday);
              return (
                <Fieldset key={name} legend={name} variant="filled" p="sm">
                  <Stack gap="xs">
                    {dayRows.length === 0 && <Text size="sm">Not working</Text>}
                    {dayRows.map((row, position) => (
                      <div key={row.key}>
                        <Group gap="xs" align="flex-end" wrap="wrap">
                          <TextInput
                            type="time"
                            label={<>From<VisuallyHidden> ({name}, interval {position + 1})</VisuallyHidden></>}
                            value={row.start}
                            onChange={(event) => update(row.key, { start: event.currentTarget.value })}
                            required
                            style={{ flex: '1 1 7rem' }}
                            error={Boolean(errors[row.key])}
                          />
                          <TextInput
                            type="time"
                            label={<>To<VisuallyHidden> ({name}, interval {position + 1})</VisuallyHidden></>}
                            value={row.end}
                            onChange={(event) => update(row.key, { end: event.currentTarget.value })}
                            required
                            style={{ flex: '1 1 7rem' }}
                            error={Boolean(errors[row.key])}
                          />
                          <Button
                            variant="default"
                            onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
                          >
                            Remove<VisuallyHidden> {name} {row.start}–{row.end}</VisuallyHidden>
                          </Button>
                        </Group>
                        {errors[row.key] && (
                          <Text c="var(--mantine-color-error)" size="sm" mt={4} {...errorProps}>
                            {errors[row.key]}
                          </Text>
                        )}
                      </div>
                    ))}
                    <div>
                      <Button variant="light" size="compact-sm" onClick={() => add(weekday)}>
                        Add hours<VisuallyHidden> on {name}</VisuallyHidden>
                      </Button>
                    </div>
                  </Stack>
                </Fieldset>
              );
            })}
          </SimpleGrid>
          {hasErrors && <FormError title="The weekly hours were not saved" message="Please correct the intervals marked above." />}
          {save.isError && !hasErrors && <FormError title="The weekly hours were not saved" message={errorMessage(save.error)} />}
          <div>
            <Button type="submit" loading={save.isPending}>
              Save weekly hours
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
