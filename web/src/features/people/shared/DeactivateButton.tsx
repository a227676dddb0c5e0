import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface DeactivateButtonProps<T> {
  /** What is deactivated, as the button and the dialog name it: "doctor". */
  noun: string;
  /** The dialog's text: what will happen to this record. */
  consequence: ReactNode;
  deactivate: () => Promise<T>;
  /** After the dialog has closed, with the server's answer: refresh what shows the record. */
  onDeactivated: (result: T) => Promise<void>;
  disabled?: boolean;
}

/** "Deactivate …": asks for confirmation in a dialog, which shows the failure if the server refuses. */
export function DeactivateButton<T>({ noun, consequence, deactivate, onDeactivated, disabled = false }: DeactivateButtonProps<T>) {
  const [opened, { open, close }] = useDisclosure(false);
  const mutation = useMutation({
    mutationFn: deactivate,
    onSuccess: async (result) => {
      close();
      await onDeactivated(result);
    },
  });
  const action = `Deactivate ${noun}`;
  const cancel = () => {
    mutation.reset();
    close();
  };
  return (
    <>
      <Button color="red.9" variant="outline" onClick={open} disabled={disabled} style={{ alignSelf: 'flex-start' }}>
        {action}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={cancel}
        title={`Deactivate this ${noun}?`}
        confirmLabel={action}
        onConfirm={() => mutation.mutate()}
        pending={mutation.isPending}
        error={mutation.error}
        danger
      >
        {consequence}
      </ConfirmDialog>
    </>
  );
}
