import { vitalsProblems, type Vitals } from '#shared/vitals';
import { AppError, type FieldError } from '../../http/app-error.ts';
import type { DiagnosisStatus } from '#shared/consultations';
import type { StoredDiagnosis } from './consultations.mapper.ts';
import { findDiagnosisCode } from './diagnosis-codes.ts';

export interface DiagnosisInput {
  text: string;
  code?: string | null | undefined;
  primary?: boolean | undefined;
  status?: DiagnosisStatus | null | undefined;
}

/** The vitals' and diagnoses' problems, each with its field's path; answered together as one 400. */
export function checkClinicalInput(vitals: Vitals | undefined, diagnoses: readonly DiagnosisInput[] | undefined): StoredDiagnosis[] {
  const errors: FieldError[] = vitalsProblems(vitals ?? {}).map((p) => ({ path: `/vitals/${p.field}`, message: p.message }));
  const stored: StoredDiagnosis[] = [];
  let primaryAt: number | null = null;
  (diagnoses ?? []).forEach((diagnosis, index) => {
    let code: string | null = null;
    if (diagnosis.code != null && diagnosis.code.trim() !== '') {
      const entry = findDiagnosisCode(diagnosis.code);
      if (entry) code = entry.code;
      else errors.push({ path: `/diagnoses/${index}/code`, message: `"${diagnosis.code}" is not a code of the hospital's ICD-10 list; search GET /api/diagnosis-codes or leave the code out` });
    }
    if (diagnosis.primary) {
      if (primaryAt !== null) errors.push({ path: `/diagnoses/${index}/primary`, message: `Only one diagnosis can be primary; diagnosis ${primaryAt + 1} already is` });
      else primaryAt = index;
    }
    stored.push({ text: diagnosis.text.trim(), code, primary: diagnosis.primary === true, status: diagnosis.status ?? null });
  });
  if (errors.length > 0) throw new AppError(400, 'VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
  return stored;
}
