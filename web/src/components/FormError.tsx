import { Alert } from '@mantine/core';

/** A form-level error, announced to assistive technology. Renders nothing without a message. */
export function FormError({ title, message }: { title: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {message}
    </Alert>
  );
}
