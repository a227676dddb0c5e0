import { displayTemperature, TEMPERATURE_UNITS, VITALS, type TemperatureUnit, type VitalName } from '#shared/vitals';
import { useHospital } from '../../../api/hospital.ts';

/** The unit the hospital shows and takes temperatures in (stored in °C); °C until the hospital's details are known. */
export function useTemperatureUnit(): TemperatureUnit {
  const unit = useHospital().data?.temperatureUnit;
  return unit && (TEMPERATURE_UNITS as readonly string[]).includes(unit) ? unit : 'C';
}

/** The unit a vital is shown in: the temperature in the hospital's, the others in their own. */
export const vitalUnit = (name: VitalName, temperatureUnit: TemperatureUnit): string =>
  name === 'temperatureC' ? `°${temperatureUnit}` : VITALS[name].unit;

/** A stored vital as shown: the temperature converted to the hospital's unit. */
export const shownVital = (name: VitalName, value: number, temperatureUnit: TemperatureUnit): number =>
  name === 'temperatureC' ? displayTemperature(value, temperatureUnit) : value;
