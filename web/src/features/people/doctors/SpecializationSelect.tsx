import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useSpecializations } from '../specializations/specializations.api.ts';

interface SpecializationSelectProps extends Omit<NativeSelectProps, 'data'> {
  /** The first option: "Choose…" in forms, "All specializations" in filters. */
  emptyLabel: string;
  emptyDisabled?: boolean;
  /** Keeps a retired specialization that is still the current value in the list. */
  current?: { id: string; name: string } | undefined;
}

/** A labelled native select of the active specializations; a default value is applied once the options have loaded. */
export function SpecializationSelect({ emptyLabel, emptyDisabled = false, current, ...props }: SpecializationSelectProps) {
  const specializations = useSpecializations();
  const options = (specializations.data ?? []).map((item) => ({ value: item.id, label: item.name }));
  if (current && !specializations.isPending && !options.some((option) => option.value === current.id)) options.push({ value: current.id, label: `${current.name} (retired)` });
  // An uncontrolled select (defaultValue) takes its value when it mounts: mount it only once the options are there,
  // or the browser falls back to the first option and a save would move the doctor to that specialization.
  return (
    <NativeSelect
      key={specializations.isPending ? 'loading' : 'ready'}
      {...props}
      disabled={props.disabled || specializations.isPending}
      description={specializations.isError ? 'The specializations could not be loaded. Reload the page to try again.' : props.description}
      data={[{ value: '', label: specializations.isPending ? 'Loading…' : emptyLabel, disabled: emptyDisabled }, ...options]}
    />
  );
}
