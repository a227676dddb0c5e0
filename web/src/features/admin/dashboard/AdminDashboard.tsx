import './dashboard.css';
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { QueryState } from '../../scheduling/components/QueryState.tsx';
import { formatDateTime } from '../../scheduling/time.ts';
import { useOverview, type Overview } from './overview.api.ts';
import { PendingRequests } from './PendingRequests.tsx';
import { StatCards } from './StatCards.tsx';
import { TodayAppointments } from './TodayAppointments.tsx';

/** The charts' code, the largest part of the dashboard, loads only here and after the headline numbers. */
const DashboardCharts = lazy(() => import('./DashboardCharts.tsx').then((m) => ({ default: m.DashboardCharts })));

function Sections({ overview }: { overview: Overview }) {
  return (
    <>
      <section aria-labelledby="attention-heading">
        <Title order={2} size="h3" id="attention-heading" mb="sm">
          Needs attention
        </Title>
        <Stack gap="md">
          <PendingRequests pending={overview.pendingRequests} timeZone={overview.timeZone} />
          <TodayAppointments today={overview.today} timeZone={overview.timeZone} />
        </Stack>
      </section>
      <Suspense fallback={<Loading label="Loading the charts…" />}>
        <DashboardCharts overview={overview} />
      </Suspense>
    </>
  );
}

/** The administrator's view of the hospital: headline numbers, what needs attention, and charts. */
export function AdminDashboard() {
  const overview = useOverview();
  const data = overview.data;
  /** The button stays enabled (and focused) while it works: disabling it would drop a keyboard user's focus. */
  const refreshing = overview.isFetching && !overview.isPending;
  return (
    <Stack gap="xl">
      <section aria-labelledby="overview-heading">
        <Group justify="space-between" align="flex-end" gap="sm" mb="sm">
          <div>
            <Title order={2} size="h3" id="overview-heading">
              Hospital overview
            </Title>
            {data && (
              <Text size="sm" c="dimmed" mt={2} role="status">
                Figures as of {formatDateTime(data.generatedAt, data.timeZone)} ({data.timeZone} time).
              </Text>
            )}
          </div>
          <Button
            variant="default"
            onClick={() => {
              if (!refreshing) void overview.refetch();
            }}
            leftSection={refreshing ? <Loader size={14} aria-hidden="true" /> : null}
            disabled={overview.isPending}
          >
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        </Group>
        {data && overview.isRefetchError && (
          <FormError title="Could not refresh the overview" message={`${errorMessage(overview.error)} The figures shown are from before.`} />
        )}
        {data ? <StatCards counts={data.counts} /> : <QueryState query={overview} what="the hospital overview" />}
      </section>
      {data && <Sections overview={data} />}
    </Stack>
  );
}
