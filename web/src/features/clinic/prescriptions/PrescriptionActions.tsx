import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { REASON_MAX_LENGTH } from '#shared/prescriptions';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { Dialog } from '../../people/shared/Dialog.tsx';
import { PrescriptionComposer } from './PrescriptionComposer.tsx';
import { endPrescription, refreshPrescriptions, type EndingAction, type Prescription } from './prescriptions.api.ts';

const ENDINGS: Record<EndingAction, { button: string; title: string; explain: string; done: string }> = {
  stop: {
    button: 'Stop', title: 'Stop prescription', done: 'stopped',
    explain: 'The patient should no longer take it. It stays in the record as stopped, with your reason.',
  },
  complete: { button: 'Mark completed', title: 'Mark prescription completed', done: 'marked completed', explain: 'The course is finished early.' },
  'entered-in-error': {
    button: 'Entered in error', title: 'Mark prescription entered in error', done: 'marked entered in error: it is void',
    explain: 'It was never meant for this patient or is wrong. It is kept, shown and printed as VOID, with your reason.',
  },
};

function EndDialog({ prescription, action, onClose, onDone }: { prescription: Prescription; action: EndingAction; onClose: () => void; onDone: (message: string) => void }) {
  const ending = ENDINGS[action];
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const end = useMutation({
    mutationFn: () => endPrescription(prescription.id, action, reason.trim()),
    onSuccess: async () => {
      await refreshPrescriptions();
      onDone(`Prescription ${prescription.number} ${ending.done}.`);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (action !== 'complete' && reason.trim() === '') {
      setMissing(true);
      return;
    }
    end.mutate();
  }
  return (
    <Dialog opened onClose={onClose} title={`${ending.title} ${prescription.number}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{ending.explain}</Text>
          <FormError title="Nothing was changed" message={end.error ? errorMessage(end.error) : null} />
          {action !== 'complete' && (
            <Textarea
              label="Reason"
              required
              autosize
              minRows={2}
              maxLength={REASON_MAX_LENGTH}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? 'Give the reason.' : undefined}
              errorProps={errorProps}
              data-autofocus
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={end.isPending}>
              {ending.title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

interface PrescriptionActionsProps {
  prescription: Prescription;
  /** The visit a replacement is written at, when replaced from the consultation. */
  appointmentId?: string | undefined;
  onDone: (message: string) => void;
}

/** The prescriber's and treating doctors' actions the server offers: stop, complete, entered in error, replace. */
export function PrescriptionActions({ prescription: p, appointmentId, onDone }: PrescriptionActionsProps) {
  const [ending, setEnding] = useState<EndingAction | null>(null);
  const [replacing, setReplacing] = useState(false);
  const offered = (['stop', 'complete', 'entered-in-error'] as const).filter((action) => p.allowedActions.includes(action));
  if (offered.length === 0 && !p.allowedActions.includes('replace')) return null;
  return (
    <>
      <Group gap="xs" aria-label={`Actions for prescription ${p.number}`} role="group">
        {p.allowedActions.includes('replace') && (
          <Button size="xs" variant="default" onClick={() => setReplacing(true)}>
            Replace {p.number}
          </Button>
        )}
        {offered.map((action) => (
          <Button key={action} size="xs" variant="outline" color={action === 'complete' ? undefined : 'red.9'} onClick={() => setEnding(action)}>
            {ENDINGS[action].button} {p.number}
          </Button>
        ))}
      </Group>
      {ending && (
        <EndDialog
          prescription={p}
          action={ending}
          onClose={() => setEnding(null)}
          onDone={(message) => {
            setEnding(null);
            onDone(message);
          }}
        />
      )}
      <Dialog opened={replacing} onClose={() => setReplacing(false)} title={`Replace prescription ${p.number}`} size="xl">
        <Stack gap="sm">
          <Text size="sm">An issued prescription never changes: the new one starts from it, and issuing it stops {p.number}.</Text>
          {replacing && (
            <PrescriptionComposer
              patientId={p.patientId}
              appointmentId={appointmentId}
              replaces={p}
              onIssued={(issued) => {
                setReplacing(false);
                onDone(`Prescription ${issued.number} issued; it replaces ${p.number}, which is stopped.`);
              }}
            />
          )}
        </Stack>
      </Dialog>
    </>
  );
}
