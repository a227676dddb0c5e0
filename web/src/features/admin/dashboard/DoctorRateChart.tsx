import { BarChart, type BarChartProps } from '@mantine/charts';
import { NameTick } from './NameTick.tsx';
import { BAR_LABEL_WIDTH, barListHeight } from './series.ts';

const percentLabel = (value: number): string => `${Math.round(value)}%`;

interface DoctorRateChartProps {
  data: { doctor: string; rate: number }[];
  /** The series' name in the legend and tooltip. */
  label: string;
  color: string;
  tooltipProps?: BarChartProps['tooltipProps'];
}

/** One horizontal bar per doctor, a percentage from 0 to 100 (no-show rate, utilisation). */
export function DoctorRateChart({ data, label, color, tooltipProps }: DoctorRateChartProps) {
  return (
    <BarChart
      h={barListHeight(data.length)}
      data={data}
      dataKey="doctor"
      orientation="vertical"
      maxBarWidth={28}
      series={[{ name: 'rate', label, color }]}
      valueFormatter={percentLabel}
      accessibilityLayer={false}
      gridAxis="y"
      xAxisProps={{ domain: [0, 100] }}
      yAxisProps={{ width: BAR_LABEL_WIDTH, interval: 0, tick: NameTick }}
      {...(tooltipProps ? { tooltipProps } : {})}
    />
  );
}
