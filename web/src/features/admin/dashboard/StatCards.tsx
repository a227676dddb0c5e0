import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../scheduling/components/StatusBadge.tsx';
import type { Overview } from './overview.api.ts';
import { CHART_STATUSES } from './series.ts';

function StatCard({ label, value }: { label: ReactNode; value: number }) {
  return (
    <Paper withBorder p="sm">
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" fz={28} fw={700} lh={1.2} mt={4}>
        {value.toLocaleString('en-GB')}
      </Text>
    </Paper>
  );
}

/** The headline numbers: people, and appointments of all time by status. */
export function StatCards({ counts }: { counts: Overview['counts'] }) {
  return (
    <dl className="dashboard-stats">
      <StatCard label="Active patients" value={counts.patients} />
      <StatCard label="Active doctors" value={counts.doctors} />
      <StatCard label="All appointments" value={counts.appointments.total} />
      {CHART_STATUSES.map((status) => (
        <StatCard key={status} label={<StatusBadge status={status} />} value={counts.appointments[status]} />
      ))}
    </dl>
  );
}
