import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';

interface ListHeadingProps {
  title: string;
  /** The page's main action, a link shown as a button beside the heading. */
  action?: { label: string; to: string } | undefined;
}

/** A list page's heading with its main action. */
export function ListHeading({ title, action }: ListHeadingProps) {
  return (
    <Group justify="space-between" align="flex-end">
      <PageTitle mb={0}>{title}</PageTitle>
      {action && (
        <Button component={Link} to={action.to}>
          {action.label}
        </Button>
      )}
    </Group>
  );
}
