import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useHospital } from '../../../api/hospital.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { QueryState } from '../../people/shared/QueryState.tsx';
import { ShowMore } from '../../scheduling/components/ShowMore.tsx';
import '../admin.css';
import { useAuditPages } from './audit.api.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { auditApiFilters, auditExportHref, auditPageSearch, hasAuditFilters, readAuditFilters, type AuditFilters } from './auditFilters.ts';
import { AuditTable } from './AuditTable.tsx';
import { VerifyChain } from './VerifyChain.tsx';

function Results({ filters, timeZone }: { filters: AuditFilters; timeZone: string }) {
  const pages = useAuditPages(auditApiFilters(filters, timeZone));
  if (!pages.data) return <QueryState query={pages} what="audit log">{() => null}</QueryState>;
  const entries = pages.data.pages.flatMap((page) => page.items);
  const filtered = hasAuditFilters(filters);
  const count = `${entries.length}${pages.hasNextPage ? '+' : ''} ${entries.length === 1 ? 'entry' : 'entries'}`;
  return (
    <Stack gap="sm" aria-busy={pages.isFetching && !pages.isFetchingNextPage}>
      <div role="status">
        {entries.length === 0 ? (
          <Paper withBorder p="md">
            <Text fw={700}>No entries</Text>
            <Text size="sm">{filtered ? 'No audit entry matches these filters.' : 'The audit log is empty.'}</Text>
          </Paper>
        ) : (
          <Text size="sm">{`${count}${filtered ? ' matching these filters' : ''}, newest first.`}</Text>
        )}
      </div>
      {entries.length > 0 && <AuditTable entries={entries} timeZone={timeZone} />}
      <ShowMore pages={pages} label="Load more" />
    </Stack>
  );
}

function AuditLog() {
  const hospital = useHospital();
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const search = auditPageSearch(filters);
  const queryClient = useQueryClient();
  const apply = (next: AuditFilters) => {
    const nextSearch = auditPageSearch(next);
    if (nextSearch === search) void queryClient.invalidateQueries({ queryKey: ['audit', 'list'] });
    else setParams(nextSearch);
  };

  return (
    <Stack gap="md" maw={1200}>
      <PageTitle mb={0} focusOn="path">
        Audit log
      </PageTitle>
      <Text>Every sign-in, change, sensitive read and export, as recorded by the server. The log cannot be edited.</Text>
      {hospital.data ? (
        <>
          <Text size="sm" c="dimmed">
            Times and dates are in the hospital’s time zone ({hospital.data.timeZone}).
          </Text>
          <AuditFilterForm initial={filters} timeZone={hospital.data.timeZone} onApply={apply} />
          <Group justify="space-between" align="flex-start" gap="md">
            <Stack gap={4}>
              <Button component="a" href={auditExportHref(filters, hospital.data.timeZone)} download variant="default" w="fit-content">
                Export CSV
              </Button>
              <Text size="xs" c="dimmed">
                Every entry matching the filters; the export is itself recorded.
              </Text>
            </Stack>
            <VerifyChain />
          </Group>
          <section aria-label="Results">
            <Results filters={filters} timeZone={hospital.data.timeZone} />
          </section>
        </>
      ) : (
        <QueryState query={hospital} what="hospital’s details">
          {() => null}
        </QueryState>
      )}
    </Stack>
  );
}

/** The audit log (/app/audit), for administrators: filter, read, export and verify. */
export function AuditPage() {
  return <ForRoles roles={['admin']}>{() => <AuditLog />}</ForRoles>;
}
