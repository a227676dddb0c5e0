import { Button, Group, NativeSelect, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { REMINDER_OFFSETS_MAX } from '#shared/settings';
import { errorProps } from '../../../components/form.ts';
import type { FieldErrors } from '../../people/shared/errors.ts';
import { newReminderRow, reminderErrorKey, type ReminderRow, type ReminderUnit } from './settingsForm.ts';

const units: ReminderUnit[] = ['minutes', 'hours', 'days'];

/** "minutes before", or "minute before" after a 1. */
const unitOptions = (amount: string) =>
  units.map((unit) => ({ value: unit, label: `${amount.trim() === '1' ? unit.slice(0, -1) : unit} before` }));

interface ReminderFieldsProps {
  rows: ReminderRow[];
  onChange: (rows: ReminderRow[]) => void;
  errors: FieldErrors;
}

/** The reminder times before a confirmed appointment: up to four rows of an amount and its unit, added and removed. */
export function ReminderFields({ rows, onChange, errors }: ReminderFieldsProps) {
  const update = (key: string, change: Partial<ReminderRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const full = rows.length >= REMINDER_OFFSETS_MAX;
  const listError = errors.reminderOffsetsMinutes;

  return (
    <Stack gap="sm">
      {listError && (
        <Text c="var(--mantine-color-error)" size="sm" {...errorProps}>
          {listError}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text size="sm">No reminders: patients are not reminded of their appointments.</Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((row, index) => {
            const error = errors[reminderErrorKey(row)];
            const label = `Reminder ${index + 1}`;
            const errorId = `${row.key}-error`;
            return (
              <li key={row.key}>
                <Group gap="xs" align="flex-end">
                  <TextInput
                    label={label}
                    inputMode="numeric"
                    maxLength={5}
                    w={96}
                    value={row.amount}
                    onChange={(event) => update(row.key, { amount: event.currentTarget.value })}
                    error={Boolean(error)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                  />
                  <NativeSelect
                    aria-label={`${label}: unit`}
                    data={unitOptions(row.amount)}
                    value={row.unit}
                    onChange={(event) => update(row.key, { unit: event.currentTarget.value as ReminderUnit })}
                  />
                  <Button variant="outline" color="red.9" onClick={() => onChange(rows.filter((other) => other.key !== row.key))}>
                    Remove<VisuallyHidden> {label.toLowerCase()}</VisuallyHidden>
                  </Button>
                </Group>
                {error && (
                  <Text id={errorId} c="var(--mantine-color-error)" size="sm" mt={4} {...errorProps}>
                    {error}
                  </Text>
                )}
              </li>
            );
          })}
        </Stack>
      )}
      <Group gap="sm">
        <Button variant="default" disabled={full} onClick={() => onChange([...rows, newReminderRow()])}>
          Add a reminder
        </Button>
        {full && <Text size="sm">At most {REMINDER_OFFSETS_MAX} reminders.</Text>}
      </Group>
    </Stack>
  );
}
