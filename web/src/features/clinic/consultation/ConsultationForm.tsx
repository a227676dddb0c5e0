import { Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { CONSULTATION_LIMITS, NOTE_SECTIONS } from '#shared/consultations';
import type { VitalName } from '#shared/vitals';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { ConfirmDialog } from '../../people/shared/ConfirmDialog.tsx';
import { keyedProblems } from '../problems.ts';
import { rememberConsultation, saveDraft, signConsultation, type Consultation } from './consultation.api.ts';
import { DiagnosesEditor } from './DiagnosesEditor.tsx';
import { draftBody, draftFrom, NOTE_LABELS, readVitals, type ConsultationDraft } from './draft.ts';
import { useTemperatureUnit } from './temperature.ts';
import { VitalsFields } from './VitalsFields.tsx';

export function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface ConsultationFormProps {
  appointmentId: string;
  saved: Consultation | null;
  /** Signing is offered once the server allows it (the visit has started). */
  canSign: boolean;
  onSaved: (message: string) => void;
  onSigned: () => void;
  /** The prescriptions part, placed after the notes and before Save and Sign. */
  prescriptions: ReactNode;
}

/** The draft consultation: complaint, notes, vitals, diagnoses, follow-up; saved as a draft, then signed. */
export function ConsultationForm({ appointmentId, saved, canSign, onSaved, onSigned, prescriptions }: ConsultationFormProps) {
  const temperatureUnit = useTemperatureUnit();
  const [draft, setDraft] = useState<ConsultationDraft>(() => draftFrom(saved, temperatureUnit));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const formId = useId();

  /** Checks the vitals against their bounds before anything is sent; null when a field is wrong. */
  function body() {
    const { vitals, problems } = readVitals(draft.vitals, temperatureUnit);
    const found: Record<string, string> = {};
    for (const [name, message] of Object.entries(problems)) if (message) found[`vitals.${name}`] = message;
    setErrors(found);
    return Object.keys(found).length > 0 ? null : draftBody(draft, vitals);
  }

  const save = useMutation({
    mutationFn: (sent: ReturnType<typeof draftBody>) => saveDraft(appointmentId, sent),
    onSuccess: (consultation) => {
      rememberConsultation(appointmentId, consultation);
      onSaved('Draft saved.');
    },
    onError: (error) => setErrors(keyedProblems(error)),
  });
  const sign = useMutation({
    mutationFn: async (sent: ReturnType<typeof draftBody>) => {
      await saveDraft(appointmentId, sent);
      return signConsultation(appointmentId);
    },
    onSuccess: (consultation) => {
      setConfirming(false);
      rememberConsultation(appointmentId, consultation);
      onSigned();
    },
    onError: (error) => {
      setErrors(keyedProblems(error));
      setConfirming(false);
    },
  });

  const vitalErrors = Object.fromEntries(
    Object.entries(errors).filter(([key]) => key.startsWith('vitals.')).map(([key, message]) => [key.slice('vitals.'.length), message]),
  ) as Partial<Record<VitalName, string>>;
  const failed = save.error ?? sign.error;
  const summary = failed ? `${errorMessage(failed)}${Object.keys(errors).length > 0 ? ' See the fields marked below.' : ''}` : Object.keys(errors).length > 0 ? 'Please correct the fields marked below.' : null;
  const text = (key: string) => ({ error: errors[key], errorProps, 'aria-invalid': errors[key] ? true : undefined });

  return (
    <Stack gap="md">
      <form
        id={formId}
        aria-label="Consultation notes"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const sent = body();
          if (sent) save.mutate(sent);
        }}
      >
        <Stack gap="md">
          <Part id="complaint-heading" title="Complaint and notes">
            <TextInput
              label="Chief complaint"
              maxLength={CONSULTATION_LIMITS.complaint}
              value={draft.complaint}
              onChange={(event) => setDraft({ ...draft, complaint: event.currentTarget.value })}
              {...text('complaint')}
            />
            {NOTE_SECTIONS.map((section) => (
              <Textarea
                key={section}
                label={NOTE_LABELS[section].label}
                description={NOTE_LABELS[section].description}
                autosize
                minRows={2}
                maxLength={CONSULTATION_LIMITS.note}
                value={draft.notes[section]}
                onChange={(event) => setDraft({ ...draft, notes: { ...draft.notes, [section]: event.currentTarget.value } })}
                {...text(`notes.${section}`)}
              />
            ))}
          </Part>
          <Part id="vitals-heading" title="Vital signs">
            <VitalsFields
              values={draft.vitals}
              errors={vitalErrors}
              temperatureUnit={temperatureUnit}
              onChange={(name, value) => setDraft({ ...draft, vitals: { ...draft.vitals, [name]: value } })}
            />
          </Part>
          <Part id="diagnoses-heading" title="Diagnoses">
            <DiagnosesEditor diagnoses={draft.diagnoses} errors={errors} onChange={(diagnoses) => setDraft({ ...draft, diagnoses })} />
          </Part>
          <Part id="follow-up-heading" title="Follow-up advice">
            <Textarea
              label="Follow-up advice for the patient"
              description="The patient reads this in their visit summary."
              autosize
              minRows={2}
              maxLength={CONSULTATION_LIMITS.followUp}
              value={draft.followUp}
              onChange={(event) => setDraft({ ...draft, followUp: event.currentTarget.value })}
              {...text('followUp')}
            />
          </Part>
        </Stack>
      </form>
      {prescriptions}
      <FormError title="The consultation was not saved" message={summary} />
      <Group gap="sm">
        <Button type="submit" form={formId} variant="default" loading={save.isPending}>
          Save draft
        </Button>
        {canSign && (
          <Button
            onClick={() => {
              if (body()) setConfirming(true);
            }}
          >
            Sign and complete…
          </Button>
        )}
      </Group>
      {!canSign && <Text size="sm">Signing and completing become possible once the visit has started.</Text>}
      <ConfirmDialog
        opened={confirming}
        title="Sign and complete the visit?"
        confirmLabel="Sign and complete"
        pending={sign.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          const sent = body();
          if (sent) sign.mutate(sent);
        }}
      >
        Once signed, the consultation is locked: later corrections are addenda. The appointment is marked completed and the patient can read the visit summary.
      </ConfirmDialog>
    </Stack>
  );
}
