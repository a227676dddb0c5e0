import { Button, Flex } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../api/session.ts';

const BOOKING_PATH = '/app/book';

/** The calls to action: book, register or log in; once signed in, book or go to the dashboard. */
export function HomeActions() {
  const session = useSession();
  const user = session.data?.user;
  const mayBook = !user || user.role !== 'doctor';
  return (
    <Flex gap="sm" direction={{ base: 'column', xs: 'row' }} wrap="wrap">
      {mayBook && (
        <Button component={Link} to={BOOKING_PATH} size="md">
          Book an appointment
        </Button>
      )}
      {user ? (
        <Button component={Link} to="/app" size="md" variant="default">
          Go to my dashboard
        </Button>
      ) : (
        <>
          <Button component={Link} to="/register" size="md" variant="default">
            Register as a patient
          </Button>
          <Button component={Link} to="/login" size="md" variant="subtle">
            Log in
          </Button>
        </>
      )}
    </Flex>
  );
}
