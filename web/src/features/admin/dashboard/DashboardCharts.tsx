import '@mantine/charts/styles.css';
import { Title } from '@mantine/core';
import { AppointmentCharts } from './AppointmentCharts.tsx';
import type { Overview } from './overview.api.ts';
import { windowDays } from './series.ts';
import { UtilisationChart } from './UtilisationChart.tsx';

/** The dashboard's charts: the last days' appointments and the next days' utilisation, each with its table. */
export function DashboardCharts({ overview }: { overview: Overview }) {
  return (
    <>
      <section aria-labelledby="last-days-heading">
        <Title order={2} size="h3" id="last-days-heading" mb="sm">
          The last {overview.series.perDay.length} days
        </Title>
        <AppointmentCharts series={overview.series} />
      </section>
      <section aria-labelledby="next-days-heading">
        <Title order={2} size="h3" id="next-days-heading" mb="sm">
          The next {windowDays(overview.utilisation.from, overview.utilisation.to)} days
        </Title>
        <UtilisationChart utilisation={overview.utilisation} />
      </section>
    </>
  );
}
