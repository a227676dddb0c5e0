import type { DiagnosisStatus } from '#shared/consultations';

export const DIAGNOSIS_STATUS_LABELS: Record<DiagnosisStatus, string> = {
  provisional: 'Provisional',
  confirmed: 'Confirmed',
  'ruled-out': 'Ruled out',
};
