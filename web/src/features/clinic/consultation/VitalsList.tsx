import { Text } from '@mantine/core';
import { VITAL_NAMES, VITALS } from '#shared/vitals';
import { DetailsList, type DetailRow } from '../../people/shared/DetailsList.tsx';
import type { Consultation } from './consultation.api.ts';
import { shownVital, useTemperatureUnit, vitalUnit } from './temperature.ts';

/** The vital signs taken, each with its unit; the temperature in the hospital's unit, and the BMI when known. */
export function VitalsList({ vitals }: { vitals: Consultation['vitals'] }) {
  const temperatureUnit = useTemperatureUnit();
  const rows: DetailRow[] = VITAL_NAMES.flatMap((name): DetailRow[] => {
    const value = vitals[name];
    return value === null || value === undefined ? [] : [[VITALS[name].label, `${shownVital(name, value, temperatureUnit)} ${vitalUnit(name, temperatureUnit)}`]];
  });
  if (vitals.bmi !== null) rows.push(['Body-mass index', `${vitals.bmi} kg/m²`]);
  return rows.length > 0 ? <DetailsList rows={rows} /> : <Text size="sm">No vital signs recorded.</Text>;
}
