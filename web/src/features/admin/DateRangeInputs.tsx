import { TextInput } from '@mantine/core';
import { errorProps } from '../../components/form.ts';

interface Props {
  from: string;
  to: string;
  timeZone: string;
  error: string | null | undefined;
  onChange: (change: { from: string } | { to: string }) => void;
}

/** "From date" and "To date" (included) as the hospital's calendar dates, with the range's problem beside "To date". */
export function DateRangeInputs({ from, to, timeZone, error, onChange }: Props) {
  return (
    <>
      <TextInput
        label="From date"
        type="date"
        description={`Hospital date (${timeZone})`}
        value={from}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
      />
      <TextInput
        label="To date"
        type="date"
        description="Included"
        value={to}
        min={from || undefined}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
        error={error}
        errorProps={errorProps}
      />
    </>
  );
}
