import { Autocomplete, Button, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DateRangeInputs } from '../DateRangeInputs.tsx';
import { dateRangeError } from '../dateRange.ts';
import { ActorSelect } from './ActorSelect.tsx';
import { AUDIT_OUTCOMES, auditPageSearch, noAuditFilters, type AuditFilters, type AuditOutcome } from './auditFilters.ts';
import { outcomeLabels } from './OutcomeBadge.tsx';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './vocabulary.ts';

interface AuditFilterFormProps {
  /** The filters in force (from the page address); the form shows them. */
  initial: AuditFilters;
  timeZone: string;
  onApply: (filters: AuditFilters) => void;
}

const outcomeOptions = [{ value: '', label: 'Any outcome' }, ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: outcomeLabels[outcome] }))];

/** The audit log's filters; they apply when the form is sent, so each filtered view has its own address. */
export function AuditFilterForm({ initial, timeZone, onApply }: AuditFilterFormProps) {
  const [filters, setFilters] = useState(initial);
  const [dateError, setDateError] = useState<string | null>(null);
  // Back and forward change the address under the form: it then shows the filters of that address.
  const initialSearch = auditPageSearch(initial);
  const [shownSearch, setShownSearch] = useState(initialSearch);
  if (shownSearch !== initialSearch) {
    setShownSearch(initialSearch);
    setFilters(initial);
    setDateError(null);
  }
  const set = (next: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...next }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed: AuditFilters = {
      ...filters,
      action: filters.action.trim(),
      entityType: filters.entityType.trim(),
      entityId: filters.entityId.trim(),
    };
    const error = dateRangeError(trimmed.from, trimmed.to);
    setDateError(error);
    if (!error) onApply(trimmed);
  }

  function clear() {
    setFilters(noAuditFilters);
    setDateError(null);
    onApply(noAuditFilters);
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="audit-filters-heading" noValidate>
      <Title order={2} size="h4" id="audit-filters-heading" mb="sm">
        Filters
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <ActorSelect value={filters.actorId} onChange={(actorId) => set({ actorId })} />
        <Autocomplete
          label="Action"
          description="For example user.create"
          data={KNOWN_ACTIONS}
          value={filters.action}
          onChange={(action) => set({ action })}
          maxLength={100}
          limit={50}
          autoComplete="off"
        />
        <Autocomplete
          label="Entity type"
          description="For example patient"
          data={KNOWN_ENTITY_TYPES}
          value={filters.entityType}
          onChange={(entityType) => set({ entityType })}
          maxLength={50}
          autoComplete="off"
        />
        <TextInput
          label="Entity id"
          description="The record's id"
          value={filters.entityId}
          onChange={(event) => set({ entityId: event.currentTarget.value })}
          maxLength={64}
          autoComplete="off"
        />
        <NativeSelect
          label="Outcome"
          data={outcomeOptions}
          value={filters.outcome}
          onChange={(event) => set({ outcome: event.currentTarget.value as AuditOutcome | '' })}
        />
        <DateRangeInputs from={filters.from} to={filters.to} timeZone={timeZone} error={dateError} onChange={set} />
      </SimpleGrid>
      <Group justify="flex-end" gap="sm" mt="md">
        <Button variant="default" onClick={clear}>
          Clear filters
        </Button>
        <Button type="submit">Apply filters</Button>
      </Group>
    </Paper>
  );
}
