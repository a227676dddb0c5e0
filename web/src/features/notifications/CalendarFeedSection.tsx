import { Button, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/problem.ts';
import { FormError } from '../../components/FormError.tsx';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from './api.ts';

/** The personal calendar feed (patients and doctors): create a secret link, copy it, or revoke it. */
export function CalendarFeedSection() {
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const failure = create.error ?? revoke.error;

  const onCreate = () => {
    setMessage(null);
    create.mutate(undefined, { onSuccess: (next) => { setUrl(next); setMessage('A new calendar link was created. Any earlier link no longer works.'); } });
  };
  const onRevoke = () => {
    setMessage(null);
    revoke.mutate(undefined, { onSuccess: () => { setUrl(null); setMessage('Your calendar link was revoked. Calendars using it will stop updating.'); } });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="calendar-heading">
      <Title order={2} size="h3" id="calendar-heading">
        Calendar feed
      </Title>
      <Text>
        Subscribe to your appointments from a calendar app with a private link. Anyone with the link can see your
        appointments, so keep it to yourself; revoke it if it leaks.
      </Text>
      {url ? (
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput label="Your calendar link" value={url} readOnly style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} aria-live="polite">
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      ) : null}
      <FormError title="Could not change the calendar link" message={failure ? errorMessage(failure) : null} />
      {message ? (
        <Text role="status" size="sm">
          {message}
        </Text>
      ) : null}
      <Group gap="sm">
        <Button onClick={onCreate} loading={create.isPending}>
          Create calendar link
        </Button>
        <Button variant="default" color="red" onClick={onRevoke} loading={revoke.isPending}>
          Revoke
        </Button>
      </Group>
    </Stack>
  );
}
