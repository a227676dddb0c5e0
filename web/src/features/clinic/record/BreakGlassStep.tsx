import { Alert, Button, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { BREAK_GLASS_MINUTES, CONSULTATION_LIMITS } from '#shared/consultations';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { breakGlass } from './breakGlass.api.ts';

/**
 * An administrator's way into a patient's clinical content: a reason, then access for a limited time. The grant
 * and every read under it are flagged in the audit log.
 */
export function BreakGlassStep({ patientId, patientName }: { patientId: string; patientName: string }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const open = useMutation({ mutationFn: () => breakGlass(patientId, reason.trim()) });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < CONSULTATION_LIMITS.breakGlassReasonMin) {
      setProblem(`Give the reason in at least ${CONSULTATION_LIMITS.breakGlassReasonMin} characters.`);
      return;
    }
    open.mutate();
  }
  return (
    <Stack gap="sm" component="section" aria-label="Break-glass access">
      <Alert color="red" variant="light" title="Clinical content needs break-glass access">
        Administrators read {patientName}’s medical history, consultations and prescriptions only in an emergency. Say why: access lasts {BREAK_GLASS_MINUTES} minutes,
        and the reason and every record you open are recorded and flagged in the audit log.
      </Alert>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError title="Access was not granted" message={open.error ? errorMessage(open.error) : null} />
          <Textarea
            label="Reason for break-glass access"
            required
            autosize
            minRows={2}
            maxLength={CONSULTATION_LIMITS.breakGlassReasonMax}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setProblem(null);
            }}
            error={problem ?? undefined}
            errorProps={errorProps}
          />
          <Button type="submit" color="red.9" loading={open.isPending} h="auto" py={6} maw="100%" style={{ alignSelf: 'flex-start' }} styles={{ label: { whiteSpace: 'normal' } }}>
            Open the clinical record for {BREAK_GLASS_MINUTES} minutes
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
