import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/problem.ts';
import { FormError } from '../../components/FormError.tsx';
import { useSavePreferences, type PreferenceItem, type Preferences } from './api.ts';
import { kindLabel } from './kinds.ts';

type Channel = 'email' | 'sms';

/** The kinds × channels table: in-app is always on, email and SMS can be chosen per kind. */
export function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const [items, setItems] = useState<PreferenceItem[]>(preferences.items);
  const [saved, setSaved] = useState(false);
  const save = useSavePreferences();
  const smsOff = !preferences.smsAvailable;

  const toggle = (kind: PreferenceItem['kind'], channel: Channel, value: boolean) => {
    setSaved(false);
    setItems((current) => current.map((item) => (item.kind === kind ? { ...item, [channel]: value } : item)));
  };

  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { items: items.map(({ kind, email, sms }) => ({ kind, email, sms: smsOff ? false : sms })) },
      { onSuccess: (next) => { setItems(next.items); setSaved(true); } },
    );
  };

  return (
    <Stack gap="sm" component="form" onSubmit={submit}>
      {smsOff ? (
        <Text size="sm" id="sms-unavailable">
          Text messages (SMS) are not available at this hospital, so they cannot be chosen.
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder>
          <Table.Caption>Which channels each kind of notification reaches you on</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Notification</Table.Th>
              <Table.Th scope="col">In the app</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Text message (SMS)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const name = kindLabel(item.kind);
              return (
                <Table.Tr key={item.kind}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                  </Table.Th>
                  <Table.Td>
                    <Checkbox checked disabled readOnly aria-label={`${name}: in the app (always on)`} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      checked={item.email}
                      onChange={(event) => toggle(item.kind, 'email', event.currentTarget.checked)}
                      aria-label={`${name}: email`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      checked={smsOff ? false : item.sms}
                      disabled={smsOff}
                      onChange={(event) => toggle(item.kind, 'sms', event.currentTarget.checked)}
                      aria-label={`${name}: text message`}
                      aria-describedby={smsOff ? 'sms-unavailable' : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormError title="Could not save your choices" message={save.error ? errorMessage(save.error) : null} />
      {saved ? (
        <Alert color="green" variant="light" role="status" title="Saved">
          Your notification settings are saved.
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" loading={save.isPending}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
