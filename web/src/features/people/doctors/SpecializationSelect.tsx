import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useSpecializations } from '../specializations/specializations.api.ts';

interface SpecializationSelectProps extends Omit<NativeSelectProps, 'data'> {
  /** The first option: "Choose…" in forms, "All specializations" in filters. */
  emptyLabel: string;
  emptyDisabled?: boolean;
  /** Keeps a retired specialization that is still the current value in the list. */
  current?: { id: string; name: string } | undefined;
}

/** A labelled native select of the active specializations. */
export function SpecializationSelect({ emptyLabel, emptyDisabled = false, current, ...props }: SpecializationSelectProps) {
  const specializations = useSpecializations();
  const options = (specializations.data ?? []).map((item) => ({ value: item.id, label: item.name }));
  if (current && !options.some((option) => option.value === current.id)) options.push({ value: current.id, label: `${current.name} (retired)` });
  return (
    <NativeSelect
      {...props}
      disabled={props.disabled || specializations.isPending}
      description={specializations.isError ? 'The specializations could not be loaded. Reload the page to try again.' : props.description}
      data={[{ value: '', label: specializations.isPending ? 'Loading…' : emptyLabel, disabled: emptyDisabled }, ...options]}
    />
  );
}
