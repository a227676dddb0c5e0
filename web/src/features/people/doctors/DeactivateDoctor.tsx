import { Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import type { DoctorProfile } from '../types.ts';
import { deactivateDoctor, refreshDoctors } from './doctors.api.ts';

/** Deactivating a doctor: a reason for the patients whose appointments are cancelled, then a confirmation. */
export function DeactivateDoctor({ doctor }: { doctor: DoctorProfile }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const deactivate = useMutation({
    mutationFn: () => deactivateDoctor(doctor.id, reason.trim()),
    onSuccess: async () => {
      close();
      await refreshDoctors();
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="deactivate-heading">
      <Title order={2} size="h3" id="deactivate-heading">
        Deactivate
      </Title>
      <Text>
        The doctor leaves the directory and can no longer sign in. Their future appointments are cancelled and the patients are told why. The
        record is kept.
      </Text>
      <Textarea
        label="Reason given to patients (optional)"
        description="For example: Dr Fischer has left the hospital."
        maxLength={300}
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maw={560}
      />
      <Button color="red.9" variant="outline" onClick={open} style={{ alignSelf: 'flex-start' }}>
        Deactivate doctor
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => {
          deactivate.reset();
          close();
        }}
        title="Deactivate this doctor?"
        confirmLabel="Deactivate doctor"
        onConfirm={() => deactivate.mutate()}
        pending={deactivate.isPending}
        error={deactivate.error}
        danger
      >
        <Stack gap="xs">
          <Text>
            {doctor.name} will be removed from the directory and their future appointments cancelled. This cannot be undone from this page.
          </Text>
          <Text size="sm">{reason.trim() ? `Reason given to patients: “${reason.trim()}”` : 'No reason will be given to patients.'}</Text>
        </Stack>
      </ConfirmDialog>
    </Stack>
  );
}
