import { describe, expect, it } from 'vitest';
import { bodyMassIndex, celsiusFrom, displayTemperature, temperatureRange, VITAL_NAMES, VITALS, vitalProblem, vitalsProblems } from './vitals.ts';

describe('vitals', () => {
  it('accepts each bound and refuses just beyond it, naming the field and its range', () => {
    for (const name of VITAL_NAMES) {
      const { minimum, maximum, decimals, label } = VITALS[name];
      const step = 10 ** -decimals;
      expect(vitalProblem(name, minimum)).toBeNull();
      expect(vitalProblem(name, maximum)).toBeNull();
      expect(vitalProblem(name, Number((maximum + step).toFixed(decimals)))).toContain(label);
      expect(vitalProblem(name, Number((minimum - step).toFixed(decimals)))).toContain(`${minimum}–${maximum}`);
    }
  });

  it('refuses more decimals than recorded and a diastolic not below the systolic', () => {
    expect(vitalProblem('temperatureC', 36.65)).toMatch(/at most 1 decimal place$/);
    expect(vitalProblem('pulse', 72.5)).toMatch(/whole/);
    expect(vitalProblem('weightKg', 70.55)).toBeNull();
    expect(vitalsProblems({ systolic: 120, diastolic: 120 })).toEqual([{ field: 'diastolic', message: expect.stringMatching(/lower than the systolic/) }]);
    expect(vitalsProblems({ systolic: 120, diastolic: 80, pulse: null })).toEqual([]);
  });

  it('derives BMI and converts temperatures for display', () => {
    expect(bodyMassIndex(70, 175)).toBe(22.9);
    expect(bodyMassIndex(70, null)).toBeNull();
    expect(displayTemperature(37, 'F')).toBe(98.6);
    expect(displayTemperature(36.6, 'C')).toBe(36.6);
  });

  it('reads a temperature typed in °F back to the °C it was shown from, and gives the bounds in the unit shown', () => {
    for (let tenths = 250; tenths <= 450; tenths += 1) {
      const celsius = tenths / 10;
      expect(celsiusFrom(displayTemperature(celsius, 'F'), 'F')).toBe(celsius);
    }
    expect(celsiusFrom(98.6, 'F')).toBe(37);
    expect(celsiusFrom(38.2, 'C')).toBe(38.2);
    expect(temperatureRange('F')).toEqual({ minimum: 77, maximum: 113 });
    expect(temperatureRange('C')).toEqual({ minimum: 25, maximum: 45 });
  });
});
