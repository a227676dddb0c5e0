import { Stack, Text } from '@mantine/core';
import type { Consultation } from './consultation.api.ts';
import { DIAGNOSIS_STATUS_LABELS } from './labels.ts';

/** Diagnoses in plain words: the text, the code's title when it says more, primary first. */
export function DiagnosisList({ diagnoses }: { diagnoses: Consultation['diagnoses'] }) {
  if (diagnoses.length === 0) return <Text size="sm">No diagnoses recorded.</Text>;
  const ordered = [...diagnoses].sort((a, b) => Number(b.primary) - Number(a.primary));
  return (
    <Stack gap={4} component="ul" m={0} pl="lg">
      {ordered.map((diagnosis, index) => (
        <Text component="li" size="sm" key={`${diagnosis.code ?? ''}-${index}`} style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            {diagnosis.text}
          </Text>
          {diagnosis.codeTitle && diagnosis.codeTitle.toLowerCase() !== diagnosis.text.toLowerCase() ? ` (${diagnosis.codeTitle})` : ''}
          {diagnosis.code ? ` · ${diagnosis.code}` : ''}
          {diagnosis.primary ? ' · main diagnosis' : ''}
          {diagnosis.status ? ` · ${DIAGNOSIS_STATUS_LABELS[diagnosis.status].toLowerCase()}` : ''}
        </Text>
      ))}
    </Stack>
  );
}
