import type { ReactNode } from 'react';
import { Anchor, Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useHistory } from '../../people/history/history.api.ts';
import type { HistoryEntry } from '../../people/types.ts';
import { directions } from '../prescriptions/format.ts';
import { usePatientPrescriptions } from '../prescriptions/prescriptions.api.ts';

function EntryList({ entries, empty, label }: { entries: HistoryEntry[]; empty: string; label: string }) {
  if (entries.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack gap={4} component="ul" m={0} pl="md" aria-label={label}>
      {entries.map((entry) => (
        <Text component="li" size="sm" key={entry.id} style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            {entry.title}
          </Text>
          {entry.allergen?.ingredient || entry.allergen?.class ? ` (${[entry.allergen.ingredient, entry.allergen.class].filter(Boolean).join(', ')})` : ''}
          {entry.details ? ` — ${entry.details}` : ''}
          {entry.selfReported ? ' · reported by the patient' : ''}
        </Text>
      ))}
    </Stack>
  );
}

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** What the doctor needs beside the notes: allergies, conditions, medication and active prescriptions. */
export function PatientContext({ patientId, patientName }: { patientId: string; patientName: string }) {
  const history = useHistory(patientId);
  const active = usePatientPrescriptions(patientId, { status: 'active' });
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  const current = (kind: HistoryEntry['kind']) => entries.filter((entry) => entry.kind === kind && !entry.resolvedDate);
  const allergies = current('allergy');

  return (
    <Paper withBorder p="md" component="aside" aria-labelledby="patient-context-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="patient-context-heading">
          {patientName}: record
        </Title>
        {history.isPending && <Loading label="Loading the medical history…" />}
        <FormError title="Could not load the medical history" message={history.isError ? errorMessage(history.error) : null} />
        {history.isSuccess && (
          <>
            <Block id="allergies-heading" title="Allergies">
              {allergies.length > 0 && (
                <Badge color="red.9" variant="outline" radius="sm" tt="none" style={{ alignSelf: 'flex-start' }}>
                  {allergies.length} recorded allerg{allergies.length === 1 ? 'y' : 'ies'}
                </Badge>
              )}
              <EntryList entries={allergies} empty="No allergies recorded." label="Allergies" />
            </Block>
            <Block id="conditions-heading" title="Conditions">
              <EntryList entries={current('condition')} empty="No current conditions recorded." label="Conditions" />
            </Block>
            <Block id="medication-heading" title="Medication in the history">
              <EntryList entries={current('medication')} empty="No medication recorded." label="Medication in the history" />
            </Block>
          </>
        )}
        <Block id="active-rx-heading" title="Active prescriptions">
          {active.isPending && <Loading label="Loading active prescriptions…" />}
          <FormError title="Could not load the prescriptions" message={active.isError ? errorMessage(active.error) : null} />
          {active.data && active.data.items.length === 0 && <Text size="sm">No active prescriptions.</Text>}
          {active.data && active.data.items.length > 0 && (
            <Stack gap={4} component="ul" m={0} pl="md" aria-label="Active prescriptions">
              {active.data.items.flatMap((prescription) =>
                prescription.items.map((item) => (
                  <Text component="li" size="sm" key={item.id} style={{ overflowWrap: 'anywhere' }}>
                    <Text span fw={600} size="sm">
                      {item.drug}
                    </Text>{' '}
                    — {directions(item)} ({prescription.number})
                  </Text>
                )),
              )}
            </Stack>
          )}
        </Block>
        <Anchor component={Link} to={`/app/patients/${patientId}`} size="sm" c="care.8" underline="always">
          Open the full record of {patientName}
        </Anchor>
      </Stack>
    </Paper>
  );
}
