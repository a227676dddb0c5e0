import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  /** Makes the heading's id (`photo` → `photo-heading`), which names the section. */
  id: string;
  title: string;
  children: ReactNode;
}

/** A part of a page under its own second-level heading. */
export function Section({ id, title, children }: SectionProps) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={`${id}-heading`}>
      <Title order={2} size="h3" id={`${id}-heading`}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
