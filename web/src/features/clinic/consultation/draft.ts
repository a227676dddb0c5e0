import type { DiagnosisStatus, NoteSection } from '#shared/consultations';
import { NOTE_SECTIONS } from '#shared/consultations';
import { celsiusFrom, displayTemperature, temperatureRange, VITAL_NAMES, vitalsProblems, type TemperatureUnit, type VitalName, type Vitals } from '#shared/vitals';

/** One diagnosis row of the form; `key` only tells React the rows apart. */
export interface DiagnosisDraft {
  key: string;
  text: string;
  code: string;
  primary: boolean;
  status: DiagnosisStatus;
}

/** The consultation form as typed: every field is text until it is sent. */
export interface ConsultationDraft {
  complaint: string;
  notes: Record<NoteSection, string>;
  vitals: Record<VitalName, string>;
  diagnoses: DiagnosisDraft[];
  followUp: string;
}

export interface SavedConsultationFields {
  complaint?: string | null;
  notes?: Partial<Record<NoteSection, string | null>> | null;
  vitals?: Partial<Record<VitalName, number | null>> | null;
  diagnoses?: { text: string; code?: string | null; primary?: boolean; status?: DiagnosisStatus | null }[] | null;
  followUp?: string | null;
}

let keys = 0;
export const newKey = (): string => `diagnosis-${(keys += 1)}`;

export function emptyDiagnosis(primary: boolean): DiagnosisDraft {
  return { key: newKey(), text: '', code: '', primary, status: 'provisional' };
}

/** The form's starting values: the saved draft, or empty fields; the temperature in the hospital's unit. */
export function draftFrom(saved: SavedConsultationFields | null, temperatureUnit: TemperatureUnit = 'C'): ConsultationDraft {
  const notes = Object.fromEntries(NOTE_SECTIONS.map((section) => [section, saved?.notes?.[section] ?? ''])) as Record<NoteSection, string>;
  const vitals = Object.fromEntries(
    VITAL_NAMES.map((name) => {
      const value = saved?.vitals?.[name];
      if (value === null || value === undefined) return [name, ''];
      return [name, String(name === 'temperatureC' ? displayTemperature(value, temperatureUnit) : value)];
    }),
  ) as Record<VitalName, string>;
  return {
    complaint: saved?.complaint ?? '',
    notes,
    vitals,
    diagnoses: (saved?.diagnoses ?? []).map((diagnosis) => ({
      key: newKey(),
      text: diagnosis.text,
      code: diagnosis.code ?? '',
      primary: diagnosis.primary ?? false,
      status: diagnosis.status ?? 'provisional',
    })),
    followUp: saved?.followUp ?? '',
  };
}

/**
 * The typed vitals as numbers in SI units (a blank field is left out; the temperature, typed in the hospital's unit,
 * in °C); text that is no number is a problem of its field.
 */
export function readVitals(typed: Record<VitalName, string>, temperatureUnit: TemperatureUnit = 'C'): { vitals: Vitals; problems: Partial<Record<VitalName, string>> } {
  const vitals: Vitals = {};
  const problems: Partial<Record<VitalName, string>> = {};
  for (const name of VITAL_NAMES) {
    const text = typed[name].trim().replace(',', '.');
    if (text === '') continue;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) problems[name] = 'Enter a number.';
    else if (name !== 'temperatureC' || temperatureUnit === 'C') vitals[name] = value;
    else {
      const range = temperatureRange(temperatureUnit);
      if (value < range.minimum || value > range.maximum || !/^\d+(\.\d)?$/.test(text)) {
        problems[name] = `Temperature must be between ${range.minimum}–${range.maximum} °${temperatureUnit}, with at most 1 decimal place.`;
      } else vitals[name] = celsiusFrom(value, temperatureUnit);
    }
  }
  for (const { field, message } of vitalsProblems(vitals)) problems[field] ??= `${message}.`;
  return { vitals, problems };
}

export interface DraftBody {
  complaint?: string;
  notes?: Partial<Record<NoteSection, string>>;
  vitals?: Vitals;
  diagnoses?: { text: string; code?: string; primary?: boolean; status?: DiagnosisStatus }[];
  followUp?: string;
}

/** The PUT body: blank text and blank diagnosis rows are left out. */
export function draftBody(draft: ConsultationDraft, vitals: Vitals): DraftBody {
  const body: DraftBody = {};
  const complaint = draft.complaint.trim();
  if (complaint) body.complaint = complaint;
  const notes: Partial<Record<NoteSection, string>> = {};
  for (const section of NOTE_SECTIONS) {
    const text = draft.notes[section].trim();
    if (text) notes[section] = text;
  }
  if (Object.keys(notes).length > 0) body.notes = notes;
  if (Object.keys(vitals).length > 0) body.vitals = vitals;
  const diagnoses = draft.diagnoses
    .filter((diagnosis) => diagnosis.text.trim() !== '')
    .map((diagnosis) => ({
      text: diagnosis.text.trim(),
      ...(diagnosis.code.trim() ? { code: diagnosis.code.trim() } : {}),
      primary: diagnosis.primary,
      status: diagnosis.status,
    }));
  if (diagnoses.length > 0) body.diagnoses = diagnoses;
  const followUp = draft.followUp.trim();
  if (followUp) body.followUp = followUp;
  return body;
}

export const NOTE_LABELS: Record<NoteSection, { label: string; description: string }> = {
  history: { label: 'History', description: 'History of the presenting complaint, relevant past history.' },
  examination: { label: 'Examination', description: 'Findings on examination.' },
  assessment: { label: 'Assessment', description: 'Your impression and reasoning.' },
  plan: { label: 'Plan', description: 'Treatment, tests and referrals. The patient sees the plan in their visit summary.' },
};
