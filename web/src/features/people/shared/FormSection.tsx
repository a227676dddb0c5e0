import { Fieldset } from '@mantine/core';
import type { ReactNode } from 'react';

const legendStyle = {
  fontWeight: 700,
  fontSize: 'var(--mantine-font-size-md)',
  marginBottom: 'var(--mantine-spacing-sm)',
  padding: 0,
};

/** A group of form fields under a visible legend. */
export function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="unstyled" styles={{ legend: legendStyle }}>
      {children}
    </Fieldset>
  );
}
