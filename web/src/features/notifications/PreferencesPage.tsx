import { Anchor, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../app/useCurrentUser.ts';
import { QueryState } from '../people/shared/QueryState.tsx';
import { usePreferences } from './api.ts';
import { CalendarFeedSection } from './CalendarFeedSection.tsx';
import { PreferencesForm } from './PreferencesForm.tsx';

/** /app/notifications/preferences: channels per kind, and (patients and doctors) the calendar feed. */
export function PreferencesPage() {
  const user = useCurrentUser();
  const query = usePreferences();
  const hasFeed = user.role === 'patient' || user.role === 'doctor';
  return (
    <Stack gap="lg" maw={860}>
      <PageTitle mb={0}>Notification settings</PageTitle>
      <Anchor component={Link} to="/app/notifications">
        Back to notifications
      </Anchor>
      <Stack gap="sm" component="section" aria-labelledby="channels-heading">
        <Title order={2} size="h3" id="channels-heading">
          How we reach you
        </Title>
        <QueryState query={query} what="notification settings">
          {(preferences) => <PreferencesForm preferences={preferences} />}
        </QueryState>
      </Stack>
      {hasFeed ? <CalendarFeedSection /> : null}
    </Stack>
  );
}
