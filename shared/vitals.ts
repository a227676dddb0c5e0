/**
 * Vital signs of a consultation: unit, physiological bounds and decimal places, declared once for the server's
 * validation and the web's form. Values are SI (temperature in °C); they are stored as whole numbers of their
 * smallest step (10^-decimals), so a decimal such as 36.6 comes back exactly.
 */
export const VITALS = {
  systolic: { label: 'Systolic blood pressure', unit: 'mmHg', minimum: 50, maximum: 300, decimals: 0 },
  diastolic: { label: 'Diastolic blood pressure', unit: 'mmHg', minimum: 20, maximum: 200, decimals: 0 },
  pulse: { label: 'Pulse', unit: '/min', minimum: 20, maximum: 300, decimals: 0 },
  temperatureC: { label: 'Temperature', unit: '°C', minimum: 25, maximum: 45, decimals: 1 },
  respiratoryRate: { label: 'Respiratory rate', unit: '/min', minimum: 4, maximum: 80, decimals: 0 },
  spo2: { label: 'Oxygen saturation (SpO₂)', unit: '%', minimum: 50, maximum: 100, decimals: 0 },
  weightKg: { label: 'Weight', unit: 'kg', minimum: 0.3, maximum: 500, decimals: 2 },
  heightCm: { label: 'Height', unit: 'cm', minimum: 20, maximum: 272, decimals: 1 },
} as const;

export type VitalName = keyof typeof VITALS;
export const VITAL_NAMES = Object.keys(VITALS) as VitalName[];

export type Vitals = Partial<Record<VitalName, number | null>>;

/** Why a value is not acceptable for the vital, or null when it is. */
export function vitalProblem(name: VitalName, value: number): string | null {
  const rule = VITALS[name];
  const range = `${rule.minimum}–${rule.maximum} ${rule.unit}`;
  if (!Number.isFinite(value) || value < rule.minimum || value > rule.maximum) {
    return `${rule.label} must be between ${range}; ${value} ${rule.unit} is outside the physiological range`;
  }
  const scaled = value * 10 ** rule.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
    return rule.decimals === 0
      ? `${rule.label} is recorded in whole ${rule.unit}`
      : `${rule.label} is recorded with at most ${rule.decimals} decimal place${rule.decimals === 1 ? '' : 's'}`;
  }
  return null;
}

/** Every problem of a set of vitals, by field, including a diastolic pressure not below the systolic one. */
export function vitalsProblems(vitals: Vitals): { field: VitalName; message: string }[] {
  const problems: { field: VitalName; message: string }[] = [];
  for (const name of VITAL_NAMES) {
    const value = vitals[name];
    if (value === undefined || value === null) continue;
    const problem = vitalProblem(name, value);
    if (problem) problems.push({ field: name, message: problem });
  }
  const { systolic, diastolic } = vitals;
  if (typeof systolic === 'number' && typeof diastolic === 'number' && diastolic >= systolic && problems.length === 0) {
    problems.push({ field: 'diastolic', message: `Diastolic blood pressure (${diastolic} mmHg) must be lower than the systolic (${systolic} mmHg)` });
  }
  return problems;
}

/** Body-mass index (kg/m²) to one decimal, when weight and height are both known. */
export function bodyMassIndex(weightKg: number | null | undefined, heightCm: number | null | undefined): number | null {
  if (weightKg == null || heightCm == null || heightCm <= 0) return null;
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

export const TEMPERATURE_UNITS = ['C', 'F'] as const;
export type TemperatureUnit = (typeof TEMPERATURE_UNITS)[number];

/** A temperature stored in °C, in the unit the hospital shows, to one decimal. */
export function displayTemperature(celsius: number, unit: TemperatureUnit): number {
  return unit === 'C' ? celsius : Math.round((celsius * 9) / 5 * 10 + 320) / 10;
}

/** A temperature typed in the hospital's unit, in °C to one decimal (as stored). */
export function celsiusFrom(value: number, unit: TemperatureUnit): number {
  return unit === 'C' ? value : Math.round(((value - 32) * 5) / 9 * 10) / 10;
}

/** The temperature's physiological bounds in the unit the hospital shows. */
export function temperatureRange(unit: TemperatureUnit): { minimum: number; maximum: number } {
  return { minimum: displayTemperature(VITALS.temperatureC.minimum, unit), maximum: displayTemperature(VITALS.temperatureC.maximum, unit) };
}
