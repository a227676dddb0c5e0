import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useHospital } from '../../../api/hospital.ts';
import { useAppointments } from '../api.ts';

const requests = (count: number) => `${count} appointment ${count === 1 ? 'request' : 'requests'}`;

/**
 * Said on entering Book: how many requests a patient may have waiting for a decision at once (the hospital's
 * public booking rule) and how many they have now, so that nobody fills in the whole form to learn it.
 */
export function OpenRequestsNote() {
  const hospital = useHospital();
  const open = useAppointments({ status: ['requested'], order: 'asc', limit: 200 });
  const max = hospital.data?.maxOpenRequestsPerPatient;
  const count = open.data?.items.length;
  if (max === undefined || count === undefined) return null;
  if (count >= max) {
    return (
      <Alert color="yellow" variant="light" title="You cannot request another appointment yet" maw={880}>
        <Text size="sm">
          You already have {requests(count)} waiting for a decision, and the hospital takes at most {max} at once. Wait for an answer, or cancel
          one in{' '}
          <Anchor component={Link} to="/app/appointments" size="sm" c="care.8" underline="always">
            My appointments
          </Anchor>
          , before booking another.
        </Text>
      </Alert>
    );
  }
  if (hospital.data?.approvalMode !== 'manual') return null;
  return (
    <Text size="sm" maw={880}>
      You can have up to {requests(max)} waiting for a decision at once; you have {count} now.
    </Text>
  );
}
