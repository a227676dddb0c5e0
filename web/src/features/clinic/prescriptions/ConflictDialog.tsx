import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { REASON_MAX_LENGTH } from '#shared/prescriptions';
import type { FieldProblem } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { Dialog } from '../../people/shared/Dialog.tsx';

export interface SafetyConflict {
  code: string;
  detail: string;
  matches: FieldProblem[];
}

const titles: Record<string, string> = {
  ALLERGY_CONFLICT: 'Allergy warning',
  DUPLICATE_THERAPY: 'Duplicate therapy warning',
};

/** "/items/0" → "Medicine 1". */
function lineOf(path: string): string {
  const index = /^\/items\/(\d+)/.exec(path)?.[1];
  return index === undefined ? 'Prescription' : `Medicine ${Number(index) + 1}`;
}

interface ConflictDialogProps {
  conflict: SafetyConflict | null;
  onClose: () => void;
  onOverride: (reason: string) => void;
  busy: boolean;
  error: string | null;
}

/** The safety check's matches, each with its medicine line; issuing anyway needs a reason, which is recorded. */
export function ConflictDialog({ conflict, onClose, onOverride, busy, error }: ConflictDialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    onOverride(reason.trim());
  }
  return (
    <Dialog opened={conflict !== null} onClose={onClose} title={conflict ? (titles[conflict.code] ?? 'Safety warning') : ''} size="lg">
      {conflict && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Alert color="red" variant="light" title="Not issued yet">
              {conflict.detail}
            </Alert>
            <Stack gap={6} component="ul" m={0} pl="lg" aria-label="Matches found">
              {conflict.matches.map((match, index) => (
                <Text component="li" key={`${match.path}-${index}`} size="sm">
                  <Text span fw={700} size="sm">
                    {lineOf(match.path)}:
                  </Text>{' '}
                  {match.message}
                </Text>
              ))}
            </Stack>
            <FormError title="Could not issue the prescription" message={error} />
            <Textarea
              label="Reason for overriding"
              description="Required to issue despite the warning. It is stored with the prescription and audited."
              required
              autosize
              minRows={2}
              maxLength={REASON_MAX_LENGTH}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? 'Give the reason for issuing despite the warning.' : undefined}
              errorProps={errorProps}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                Go back and change it
              </Button>
              <Button type="submit" color="red.9" loading={busy}>
                Override and issue
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
