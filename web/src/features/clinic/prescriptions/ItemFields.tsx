import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import {
  DOSE_UNITS, DRUG_TEXT_MAX_LENGTH, DURATION_UNIT_LABELS, DURATION_UNITS, FREQUENCIES, FREQUENCY_CODES, INSTRUCTIONS_MAX_LENGTH, MAX_REFILLS, ROUTES,
} from '#shared/prescriptions';
import { errorProps } from '../../../components/form.ts';
import { medicineLabel } from '../formulary/formulary.api.ts';
import { isDoseUnit, isDurationUnit, isFrequency, isRoute, withMedicine, type ItemDraft } from './itemDraft.ts';
import { MedicinePicker } from './MedicinePicker.tsx';

interface ItemFieldsProps {
  item: ItemDraft;
  index: number;
  onChange: (item: ItemDraft) => void;
  onRemove?: (() => void) | undefined;
  /** Problems keyed `items.<index>.<field>`. */
  errors: Record<string, string>;
}

const doseUnits = [...DOSE_UNITS];
const routes = [...ROUTES];
const frequencies = FREQUENCY_CODES.map((code) => ({ value: code, label: `${code} · ${FREQUENCIES[code].label}` }));
const durationUnits = DURATION_UNITS.map((unit) => ({ value: unit, label: DURATION_UNIT_LABELS[unit] }));

/** One medicine of a prescription: formulary medicine or free text, dose, route, frequency, duration, quantity. */
export function ItemFields({ item, index, onChange, onRemove, errors }: ItemFieldsProps) {
  const n = index + 1;
  const name = `medicine ${n}`;
  const error = (field: string) => errors[`items.${index}.${field}`];
  const set = (patch: Partial<ItemDraft>) => onChange({ ...item, ...patch });
  const fieldError = (field: string) => ({ error: error(field), errorProps, 'aria-invalid': error(field) ? true : undefined });

  return (
    <Paper withBorder p="sm" component="fieldset" style={{ minWidth: 0 }}>
      <Stack gap="sm">
        <Text component="legend" fw={700}>
          Medicine {n}
        </Text>
        {errors[`items.${index}`] && (
          <Text c="red.8" size="sm" {...errorProps}>
            {errors[`items.${index}`]}
          </Text>
        )}
        <Switch
          label={`Medicine ${n} is not in the formulary (free text)`}
          checked={item.freeText}
          onChange={(event) => set({ freeText: event.currentTarget.checked })}
        />
        {item.freeText ? (
          <Stack gap={4}>
            <TextInput
              label={`Medicine ${n}: name, strength and form`}
              maxLength={DRUG_TEXT_MAX_LENGTH}
              value={item.drugText}
              onChange={(event) => set({ drugText: event.currentTarget.value })}
              {...fieldError('drugText')}
            />
            <Group gap="xs">
              <Badge color="#9a4400" variant="outline" radius="sm" tt="none">
                Not checked
              </Badge>
              <Text size="sm">A medicine outside the formulary is not checked against allergies or duplicate therapy.</Text>
            </Group>
          </Stack>
        ) : item.medicine || item.prefilled ? (
          <Group justify="space-between" gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.medicine ? medicineLabel(item.medicine) : item.prefilled?.label}
            </Text>
            <Button variant="default" size="xs" onClick={() => set({ medicine: null, prefilled: null })}>
              Choose another medicine for line {n}
            </Button>
          </Group>
        ) : (
          <MedicinePicker label={name} onPick={(medicine) => onChange(withMedicine(item, medicine))} error={error('formularyId')} />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput label={`Dose of ${name}`} inputMode="decimal" value={item.doseValue} onChange={(event) => set({ doseValue: event.currentTarget.value })} {...fieldError('dose.value')} />
          <NativeSelect label={`Dose unit of ${name}`} data={doseUnits} value={item.doseUnit} onChange={(event) => isDoseUnit(event.currentTarget.value) && set({ doseUnit: event.currentTarget.value })} {...fieldError('dose.unit')} />
          <NativeSelect label={`Route of ${name}`} data={routes} value={item.route} onChange={(event) => isRoute(event.currentTarget.value) && set({ route: event.currentTarget.value })} {...fieldError('route')} />
          <NativeSelect label={`Frequency of ${name}`} data={frequencies} value={item.frequency} onChange={(event) => isFrequency(event.currentTarget.value) && set({ frequency: event.currentTarget.value })} {...fieldError('frequency')} />
        </SimpleGrid>
        <TextInput label={`Frequency details of ${name} (optional)`} placeholder="with food" maxLength={200} value={item.frequencyText} onChange={(event) => set({ frequencyText: event.currentTarget.value })} {...fieldError('frequencyText')} />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <TextInput label={`Duration of ${name} (optional)`} inputMode="numeric" value={item.durationValue} onChange={(event) => set({ durationValue: event.currentTarget.value })} {...fieldError('duration.value')} />
          <NativeSelect label={`Duration unit of ${name}`} data={durationUnits} value={item.durationUnit} onChange={(event) => isDurationUnit(event.currentTarget.value) && set({ durationUnit: event.currentTarget.value })} />
          <TextInput label={`Quantity of ${name} (optional)`} inputMode="decimal" value={item.quantityValue} onChange={(event) => set({ quantityValue: event.currentTarget.value })} {...fieldError('quantity.value')} />
          <NativeSelect label={`Quantity unit of ${name}`} data={doseUnits} value={item.quantityUnit} onChange={(event) => isDoseUnit(event.currentTarget.value) && set({ quantityUnit: event.currentTarget.value })} />
          <TextInput label={`Refills of ${name}`} inputMode="numeric" description={`0–${MAX_REFILLS}`} value={item.refills} onChange={(event) => set({ refills: event.currentTarget.value })} {...fieldError('refills')} />
        </SimpleGrid>
        <TextInput label={`Instructions for ${name} (optional)`} maxLength={INSTRUCTIONS_MAX_LENGTH} value={item.instructions} onChange={(event) => set({ instructions: event.currentTarget.value })} {...fieldError('instructions')} />
        {onRemove && (
          <Button variant="outline" color="red.9" size="xs" onClick={onRemove} style={{ alignSelf: 'flex-start' }}>
            Remove medicine {n}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
