import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { VITAL_NAMES, VITALS, bodyMassIndex, temperatureRange, type TemperatureUnit, type VitalName } from '#shared/vitals';
import { errorProps } from '../../../components/form.ts';
import { vitalUnit } from './temperature.ts';

interface VitalsFieldsProps {
  values: Record<VitalName, string>;
  onChange: (name: VitalName, value: string) => void;
  errors: Partial<Record<VitalName, string>>;
  disabled?: boolean;
  /** The temperature is typed in the hospital's unit. */
  temperatureUnit: TemperatureUnit;
}

function numberOrNull(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/** The vital signs, each with its unit and physiological range; BMI follows from weight and height. */
export function VitalsFields({ values, onChange, errors, disabled, temperatureUnit }: VitalsFieldsProps) {
  const bmi = bodyMassIndex(numberOrNull(values.weightKg), numberOrNull(values.heightCm));
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {VITAL_NAMES.map((name) => {
          const rule = VITALS[name];
          const range = name === 'temperatureC' ? temperatureRange(temperatureUnit) : rule;
          return (
            <TextInput
              key={name}
              label={`${rule.label} (${vitalUnit(name, temperatureUnit)})`}
              description={`${range.minimum}–${range.maximum}`}
              name={`vitals.${name}`}
              inputMode="decimal"
              autoComplete="off"
              value={values[name]}
              onChange={(event) => onChange(name, event.currentTarget.value)}
              error={errors[name]}
              errorProps={errorProps}
              aria-invalid={errors[name] ? true : undefined}
              disabled={disabled}
            />
          );
        })}
      </SimpleGrid>
      <Text size="sm" aria-live="polite">
        Body-mass index: {bmi === null ? 'needs weight and height' : `${bmi} kg/m²`}
      </Text>
    </>
  );
}
