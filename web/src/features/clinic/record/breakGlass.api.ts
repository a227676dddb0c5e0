import { api, unwrap } from '../../../api/client.ts';
import { ApiError } from '../../../api/problem.ts';
import { queryClient } from '../../../api/queryClient.ts';

/** The server's answer to an administrator without a break-glass grant for the patient. */
export const needsBreakGlass = (error: unknown): boolean => error instanceof ApiError && error.code === 'BREAK_GLASS_REQUIRED';

/** Opens the patient's clinical record to the administrator for a limited time, with the reason; then reloads it. */
export async function breakGlass(patientId: string, reason: string) {
  const grant = unwrap(await api.POST('/api/patients/{id}/break-glass', { params: { path: { id: patientId } }, body: { reason } }));
  await Promise.all(['consultations', 'prescriptions', 'visits', 'history'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  return grant;
}
