import { Anchor, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CONSULTATION_LIMITS, NOTE_SECTIONS } from '#shared/consultations';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { DetailsList, type DetailRow } from '../../people/shared/DetailsList.tsx';
import { formatDateTime } from '../../scheduling/time.ts';
import { addAddendum, refreshConsultation, type Consultation } from './consultation.api.ts';
import { NOTE_LABELS } from './draft.ts';
import { DiagnosisList } from './DiagnosisList.tsx';
import { VitalsList } from './VitalsList.tsx';

export const summaryPdfHref = (appointmentId: string): string =>
  `/api/appointments/${encodeURIComponent(appointmentId)}/consultation/summary.pdf`;

function AddendumForm({ appointmentId, onAdded }: { appointmentId: string; onAdded: () => void }) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: () => addAddendum(appointmentId, text.trim()),
    onSuccess: async () => {
      setText('');
      await refreshConsultation(appointmentId);
      onAdded();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    add.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Add an addendum">
      <Stack gap="sm">
        <FormError title="The addendum was not added" message={add.error ? errorMessage(add.error) : null} />
        <Textarea
          label="Addendum"
          description="What is corrected or added, and why. Addenda are kept with your name and the time; the signed notes do not change."
          autosize
          minRows={2}
          maxLength={CONSULTATION_LIMITS.addendum}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? 'Write the addendum first.' : undefined}
          errorProps={errorProps}
        />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          Add addendum
        </Button>
      </Stack>
    </form>
  );
}

interface SignedConsultationProps {
  consultation: Consultation;
  timeZone: string;
  /** The author and other clinicians may add addenda (the server refuses anyone else). */
  canAddend: boolean;
  onAddended: (message: string) => void;
}

/** A signed consultation, read-only, with its addenda (oldest first) and the form for a new one. */
export function SignedConsultation({ consultation: c, timeZone, canAddend, onAddended }: SignedConsultationProps) {
  const notes: DetailRow[] = NOTE_SECTIONS.flatMap((section): DetailRow[] => {
    const text = c.notes[section];
    return text ? [[NOTE_LABELS[section].label, text]] : [];
  });
  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="signed-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="signed-heading">
            Signed consultation
          </Title>
          <Text size="sm">
            Signed {c.signedAt ? formatDateTime(c.signedAt, timeZone) : ''} by {c.signedBy?.name ?? c.doctorName}. The record is locked; corrections are addenda.
          </Text>
          <DetailsList rows={[['Chief complaint', c.complaint ?? '—'], ...notes, ['Follow-up advice', c.followUp ?? '—']]} />
          <Title order={3} size="h5">
            Vital signs
          </Title>
          <VitalsList vitals={c.vitals} />
          <Title order={3} size="h5">
            Diagnoses
          </Title>
          <DiagnosisList diagnoses={c.diagnoses} />
          <Anchor href={summaryPdfHref(c.appointmentId)} size="sm" c="care.8" underline="always" className="no-print">
            Download the visit summary (PDF)
          </Anchor>
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="addenda-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="addenda-heading">
            Addenda
          </Title>
          {c.addenda.length === 0 ? (
            <Text size="sm">No addenda.</Text>
          ) : (
            <Stack gap="xs" component="ol" m={0} pl="lg">
              {c.addenda.map((addendum) => (
                <li key={addendum.id}>
                  <Text size="sm" fw={600}>
                    {formatDateTime(addendum.at, timeZone)}, {addendum.authorName}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {addendum.text}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
          {canAddend && <AddendumForm appointmentId={c.appointmentId} onAdded={() => onAddended('Addendum added.')} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
