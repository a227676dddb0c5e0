import { Alert, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Section } from './Section.tsx';

interface ReactivateProps {
  active: boolean;
  /** What is reactivated, as the button names it: "doctor". */
  noun: string;
  /** What reactivating does. */
  description: string;
  /** The notice once it is done. */
  notice: string;
  reactivate: () => Promise<void>;
  onReactivated: () => Promise<void>;
}

function ReactivatedNotice({ noun, notice }: { noun: string; notice: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // The button that was pressed is gone: the notice takes the focus so that the keyboard stays in place.
  useEffect(() => ref.current?.focus(), []);
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} reactivated`;
  return (
    <Alert ref={ref} tabIndex={-1} color="green" variant="light" title={title} role="status">
      {notice}
    </Alert>
  );
}

/**
 * The "Reactivate" section of a deactivated record's page; once the record is active again, the notice that
 * says so. Renders nothing for a record that is active.
 */
export function Reactivate({ active, noun, description, notice, reactivate, onReactivated }: ReactivateProps) {
  const mutation = useMutation({ mutationFn: reactivate, onSuccess: onReactivated });
  if (active) return mutation.isSuccess ? <ReactivatedNotice noun={noun} notice={notice} /> : null;
  return (
    <Section id="reactivate" title="Reactivate">
      <Text>{description}</Text>
      <FormError title="Could not reactivate" message={mutation.error ? errorMessage(mutation.error) : null} />
      <Button onClick={() => mutation.mutate()} loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
        {`Reactivate ${noun}`}
      </Button>
    </Section>
  );
}
