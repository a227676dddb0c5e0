import { Alert, Stack } from '@mantine/core';
import { useLocation } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { findNavItem } from './nav.ts';
import { useCurrentUser } from './useCurrentUser.ts';

/** Pages listed in the role's navigation that are not built yet; anything else is not found. */
export function SectionPage() {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const item = findNavItem(user.role, pathname.replace(/\/+$/, ''));
  if (!item) return <NotFoundPage homePath="/app" />;
  return (
    <Stack gap="md" maw={720}>
      <PageTitle mb={0}>{item.label}</PageTitle>
      <Alert color="care" variant="light" title="Coming soon">
        This page is not available yet.
      </Alert>
    </Stack>
  );
}
