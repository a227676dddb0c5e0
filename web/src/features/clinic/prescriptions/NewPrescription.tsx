import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Dialog } from '../../people/shared/Dialog.tsx';
import { PrescriptionComposer } from './PrescriptionComposer.tsx';

/**
 * A prescription written outside a visit from the patient's page. The API exposes no "may prescribe" flag for a
 * patient, so it is offered to doctors; the server decides (a doctor who never saw the patient gets its 404, shown
 * by the composer).
 */
export function NewPrescription({ patientId, patientName, onDone }: { patientId: string; patientName: string; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        New prescription
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={`New prescription for ${patientName}`} size="xl">
        <Stack gap="sm">
          <Text size="sm">Written outside a visit; it is issued in your name and the patient sees it once issued.</Text>
          {open && (
            <PrescriptionComposer
              patientId={patientId}
              onIssued={(issued) => {
                setOpen(false);
                onDone(`Prescription ${issued.number} issued${issued.override ? ' with the safety warning overridden' : ''}.`);
              }}
            />
          )}
        </Stack>
      </Dialog>
    </>
  );
}
