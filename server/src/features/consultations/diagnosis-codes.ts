import { ICD10_TSV } from './icd10-codes.ts';

export interface DiagnosisCodeEntry {
  code: string;
  title: string;
}

/** The shipped ICD-10 list, in code order. */
export const DIAGNOSIS_CODES: readonly DiagnosisCodeEntry[] = ICD10_TSV.split('\n')
  .map((line) => {
    const [code = '', title = ''] = line.split('\t');
    return { code: code.trim(), title: title.trim() };
  })
  .filter((entry) => entry.code !== '' && entry.title !== '')
  .sort((a, b) => a.code.localeCompare(b.code));

const BY_CODE = new Map(DIAGNOSIS_CODES.map((entry) => [entry.code, entry]));

/** The entry for a code as a doctor may type it (any case, with or without the dot), or undefined. */
export function findDiagnosisCode(code: string): DiagnosisCodeEntry | undefined {
  const normal = code.trim().toUpperCase();
  return BY_CODE.get(normal) ?? BY_CODE.get(normal.length > 3 && !normal.includes('.') ? `${normal.slice(0, 3)}.${normal.slice(3)}` : normal);
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Entries whose code starts with the query or whose title contains every word of it; codes matching first. */
export function searchDiagnosisCodes(query: string | undefined): DiagnosisCodeEntry[] {
  const q = fold(query?.trim() ?? '');
  if (q === '') return [...DIAGNOSIS_CODES];
  const words = q.split(/\s+/).filter(Boolean);
  const byCode = DIAGNOSIS_CODES.filter((entry) => fold(entry.code).startsWith(q) || fold(entry.code.replace('.', '')).startsWith(q));
  const byTitle = DIAGNOSIS_CODES.filter((entry) => !byCode.includes(entry) && words.every((word) => fold(entry.title).includes(word)));
  return [...byCode, ...byTitle];
}
