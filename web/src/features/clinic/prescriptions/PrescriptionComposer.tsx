import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_ITEMS } from '#shared/prescriptions';
import { ApiError, errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { keyedProblems } from '../problems.ts';
import { ConflictDialog, type SafetyConflict } from './ConflictDialog.tsx';
import { emptyItem, itemFrom, readItems, type ItemDraft } from './itemDraft.ts';
import { ItemFields } from './ItemFields.tsx';
import { createPrescription, issuePrescription, replaceDraftItems, refreshPrescriptions, type ItemBody, type Prescription } from './prescriptions.api.ts';

const SAFETY_CODES = new Set(['ALLERGY_CONFLICT', 'DUPLICATE_THERAPY']);

interface PrescriptionComposerProps {
  patientId: string;
  /** The visit it is written at; left out for a prescription outside a visit. */
  appointmentId?: string | undefined;
  /** The active prescription this one replaces: its items start the form, and issuing stops it. */
  replaces?: Prescription | undefined;
  onIssued: (prescription: Prescription) => void;
}

/** Writing a new prescription and issuing it; the server's safety checks may ask for an override. */
export function PrescriptionComposer({ patientId, appointmentId, replaces, onIssued }: PrescriptionComposerProps) {
  const [items, setItems] = useState<ItemDraft[]>(() => (replaces ? replaces.items.map(itemFrom) : [emptyItem()]));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<{ id: string; body: string } | null>(null);
  const [conflict, setConflict] = useState<SafetyConflict | null>(null);

  const finish = async (issued: Prescription) => {
    setConflict(null);
    setDraft(null);
    setItems([emptyItem()]);
    setErrors({});
    await refreshPrescriptions();
    onIssued(issued);
  };

  const issue = useMutation({
    mutationFn: async ({ body, overrideReason }: { body: ItemBody[]; overrideReason?: string }) => {
      const json = JSON.stringify(body);
      // The draft made by an earlier attempt is reused (its items replaced when they changed), never duplicated.
      let id = draft?.id;
      if (!id) {
        const links = { ...(appointmentId ? { appointmentId } : {}), ...(replaces ? { replacesId: replaces.id } : {}) };
        id = (await createPrescription(patientId, { ...links, items: body })).id;
      }
      else if (draft?.body !== json) await replaceDraftItems(id, body);
      setDraft({ id, body: json });
      return issuePrescription(id, overrideReason);
    },
    onSuccess: finish,
    onError: (error) => {
      if (error instanceof ApiError && SAFETY_CODES.has(error.code)) {
        setConflict({ code: error.code, detail: error.message, matches: error.fieldErrors });
        return;
      }
      setErrors(keyedProblems(error));
    },
  });

  function submit() {
    issue.reset();
    const { body, problems } = readItems(items);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    issue.mutate({ body });
  }

  const formError = issue.isError && !conflict ? errorMessage(issue.error) : Object.keys(errors).length > 0 ? 'Please correct the fields marked below.' : null;

  return (
    <Stack gap="sm">
      <FormError title="The prescription was not issued" message={formError} />
      {items.map((item, index) => (
        <ItemFields
          key={item.key}
          item={item}
          index={index}
          errors={errors}
          onChange={(changed) => setItems(items.map((current) => (current.key === item.key ? changed : current)))}
          onRemove={items.length > 1 ? () => setItems(items.filter((current) => current.key !== item.key)) : undefined}
        />
      ))}
      <Group gap="sm">
        <Button variant="default" onClick={() => setItems([...items, emptyItem()])} disabled={items.length >= MAX_ITEMS}>
          Add another medicine
        </Button>
        <Button onClick={submit} loading={issue.isPending && !conflict}>
          {replaces ? `Issue the replacement of ${replaces.number}` : 'Issue prescription'}
        </Button>
      </Group>
      <ConflictDialog
        conflict={conflict}
        onClose={() => {
          setConflict(null);
          issue.reset();
        }}
        busy={issue.isPending}
        error={conflict && issue.isError && !(issue.error instanceof ApiError && SAFETY_CODES.has(issue.error.code)) ? errorMessage(issue.error) : null}
        onOverride={(overrideReason) => {
          const { body } = readItems(items);
          issue.mutate({ body, overrideReason });
        }}
      />
    </Stack>
  );
}
