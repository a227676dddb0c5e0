import type { ReactNode } from 'react';
import { useHospital } from '../../../api/hospital.ts';
import { QueryState } from './QueryState.tsx';

/** Renders its children once the hospital's time zone is known: every time on these pages is shown in it. */
export function WithTimeZone({ children }: { children: (timeZone: string) => ReactNode }) {
  const hospital = useHospital();
  if (!hospital.data) return <QueryState query={hospital} what="the hospital’s details" />;
  return children(hospital.data.timeZone);
}
