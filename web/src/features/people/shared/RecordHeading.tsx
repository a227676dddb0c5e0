import { Anchor, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';

interface RecordHeadingProps {
  /** The list the record belongs to, linked above the heading. */
  back: { to: string; label: string };
  title: string;
  /** Status badges and short facts shown under the heading. */
  children: ReactNode;
}

/** The top of one record's page: the way back to its list, its name as the heading, and its status. */
export function RecordHeading({ back, title, children }: RecordHeadingProps) {
  return (
    <>
      <Anchor component={Link} to={back.to} c="care.8" underline="always" size="sm">
        {back.label}
      </Anchor>
      <Stack gap="xs">
        <PageTitle mb={0}>{title}</PageTitle>
        <Group gap="xs">{children}</Group>
      </Stack>
    </>
  );
}
