import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { CONSULTATION_LIMITS, DIAGNOSIS_STATUSES, type DiagnosisStatus } from '#shared/consultations';
import { errorProps } from '../../../components/form.ts';
import { DIAGNOSIS_STATUS_LABELS } from './labels.ts';
import { CodeSearch } from './CodeSearch.tsx';
import { emptyDiagnosis, newKey, type DiagnosisDraft } from './draft.ts';

interface DiagnosesEditorProps {
  diagnoses: DiagnosisDraft[];
  onChange: (diagnoses: DiagnosisDraft[]) => void;
  /** Server problems keyed `diagnoses.<index>.<field>` or `diagnoses`. */
  errors: Record<string, string>;
}

const isStatus = (value: string): value is DiagnosisStatus => (DIAGNOSIS_STATUSES as readonly string[]).includes(value);

/** Diagnoses: free text with an optional code from the shipped list, primary or secondary, and a status. */
export function DiagnosesEditor({ diagnoses, onChange, errors }: DiagnosesEditorProps) {
  const change = (key: string, patch: Partial<DiagnosisDraft>) =>
    onChange(
      diagnoses.map((diagnosis) => {
        if (diagnosis.key === key) return { ...diagnosis, ...patch };
        // One primary diagnosis: choosing another makes the others secondary.
        return patch.primary ? { ...diagnosis, primary: false } : diagnosis;
      }),
    );
  const full = diagnoses.length >= CONSULTATION_LIMITS.diagnoses;

  return (
    <Stack gap="sm">
      <CodeSearch
        disabled={full}
        onPick={(code, title) => onChange([...diagnoses, { key: newKey(), text: title, code, primary: diagnoses.length === 0, status: 'provisional' }])}
      />
      {errors.diagnoses && (
        <Text c="red.8" size="sm" {...errorProps}>
          {errors.diagnoses}
        </Text>
      )}
      {diagnoses.length === 0 && <Text size="sm">No diagnoses yet. Find a code above, or add one in your own words.</Text>}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Diagnoses">
        {diagnoses.map((diagnosis, index) => {
          const n = index + 1;
          const fieldError = (field: string) => errors[`diagnoses.${index}.${field}`];
          return (
            <Paper key={diagnosis.key} withBorder p="sm" component="li" aria-label={`Diagnosis ${n}`}>
              <Stack gap="xs">
                <TextInput
                  label={`Diagnosis ${n}`}
                  maxLength={CONSULTATION_LIMITS.diagnosisText}
                  value={diagnosis.text}
                  onChange={(event) => change(diagnosis.key, { text: event.currentTarget.value })}
                  error={fieldError('text') ?? errors[`diagnoses.${index}`]}
                  errorProps={errorProps}
                />
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <TextInput
                    label={`Code of diagnosis ${n} (optional)`}
                    w={{ base: '100%', xs: 180 }}
                    maxLength={10}
                    value={diagnosis.code}
                    onChange={(event) => change(diagnosis.key, { code: event.currentTarget.value.toUpperCase() })}
                    error={fieldError('code')}
                    errorProps={errorProps}
                    autoComplete="off"
                  />
                  <NativeSelect
                    label={`Status of diagnosis ${n}`}
                    w={{ base: '100%', xs: 180 }}
                    value={diagnosis.status}
                    data={DIAGNOSIS_STATUSES.map((value) => ({ value, label: DIAGNOSIS_STATUS_LABELS[value] }))}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      if (isStatus(value)) change(diagnosis.key, { status: value });
                    }}
                  />
                  <Checkbox
                    label="Primary"
                    aria-label={`Diagnosis ${n} is the primary diagnosis`}
                    checked={diagnosis.primary}
                    onChange={(event) => change(diagnosis.key, { primary: event.currentTarget.checked })}
                    mb={8}
                  />
                  <Button variant="outline" color="red.9" size="xs" onClick={() => onChange(diagnoses.filter((item) => item.key !== diagnosis.key))}>
                    Remove<VisuallyHidden> diagnosis {n}</VisuallyHidden>
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Button variant="default" onClick={() => onChange([...diagnoses, emptyDiagnosis(diagnoses.length === 0)])} disabled={full} style={{ alignSelf: 'flex-start' }}>
        Add a diagnosis in your own words
      </Button>
    </Stack>
  );
}
