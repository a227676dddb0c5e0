import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDeactivate } from '../shared/ConfirmDeactivate.tsx';
import type { DoctorProfile } from '../types.ts';
import { deactivateDoctor, refreshDoctors } from './doctors.api.ts';

/** Deactivating a doctor: a reason for the patients whose appointments are cancelled, then a confirmation. */
export function DeactivateDoctor({ doctor }: { doctor: DoctorProfile }) {
  const [reason, setReason] = useState('');
  return (
    <ConfirmDeactivate
      noun="doctor"
      description="The doctor leaves the directory and can no longer sign in. Their future appointments are cancelled and the patients are told why. The record is kept."
      consequence={
        <Stack gap="xs">
          <Text>
            {doctor.name} will be removed from the directory and their future appointments cancelled. Reactivating the doctor later does not
            restore the appointments.
          </Text>
          <Text size="sm">{reason.trim() ? `Reason given to patients: “${reason.trim()}”` : 'No reason will be given to patients.'}</Text>
        </Stack>
      }
      deactivate={() => deactivateDoctor(doctor.id, reason.trim())}
      onDeactivated={refreshDoctors}
    >
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
    </ConfirmDeactivate>
  );
}
