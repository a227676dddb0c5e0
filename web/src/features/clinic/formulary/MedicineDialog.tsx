import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FORMS, ROUTES } from '#shared/prescriptions';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { Dialog } from '../../people/shared/Dialog.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../../people/shared/errors.ts';
import { fieldProps } from '../../people/shared/forms.ts';
import { addMedicine, changeMedicine, refreshFormulary, type Medicine, type MedicineCreateBody } from './formulary.api.ts';
import { readMedicineForm } from './medicineForm.ts';

const FIELDS = ['name', 'strength', 'form', 'route', 'ingredients', 'classes'] as const;

function MedicineForm({ medicine, onClose, onSaved }: { medicine: Medicine | null; onClose: () => void; onSaved: (saved: Medicine) => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [active, setActive] = useState(medicine?.active ?? true);
  const save = useMutation({
    mutationFn: (body: MedicineCreateBody) => (medicine ? changeMedicine(medicine.id, body) : addMedicine(body)),
    onSuccess: async (saved) => {
      await refreshFormulary();
      onSaved(saved);
      onClose();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    const result = readMedicineForm(readForm(event.currentTarget), active);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.values);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError title="Could not save the medicine" message={formSummary(save.error, errors, FIELDS)} />
        <TextInput label="Name" required maxLength={120} defaultValue={medicine?.name ?? ''} data-autofocus {...fieldProps('name', errors)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Strength" required maxLength={60} placeholder="500 mg" defaultValue={medicine?.strength ?? ''} {...fieldProps('strength', errors)} />
          <NativeSelect label="Form" required defaultValue={medicine?.form ?? ''} data={[{ value: '', label: 'Choose…' }, ...FORMS]} {...fieldProps('form', errors)} />
          <NativeSelect label="Usual route" required defaultValue={medicine?.route ?? 'oral'} data={[...ROUTES]} {...fieldProps('route', errors)} />
        </SimpleGrid>
        <Textarea
          label="Active ingredients"
          description="Separate them with commas. Allergies and duplicate therapy are checked against these."
          required
          autosize
          minRows={1}
          defaultValue={medicine?.ingredients.join(', ') ?? ''}
          {...fieldProps('ingredients', errors)}
        />
        <Textarea
          label="Drug classes"
          description="Separate them with commas, in the plural: penicillins, beta-lactams."
          required
          autosize
          minRows={1}
          defaultValue={medicine?.classes.join(', ') ?? ''}
          {...fieldProps('classes', errors)}
        />
        <Checkbox label="Offered when prescribing (active)" checked={active} onChange={(event) => setActive(event.currentTarget.checked)} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {medicine ? 'Save changes' : 'Add medicine'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface MedicineDialogProps {
  /** null: closed; 'new': adding; a medicine: editing it. */
  editing: Medicine | 'new' | null;
  onClose: () => void;
  onSaved: (saved: Medicine) => void;
}

/** Adding a medicine to the formulary, or changing one, in a dialog. */
export function MedicineDialog({ editing, onClose, onSaved }: MedicineDialogProps) {
  return (
    <Dialog opened={editing !== null} onClose={onClose} title={editing === 'new' ? 'Add a medicine' : 'Edit medicine'} size="lg">
      {editing !== null && <MedicineForm medicine={editing === 'new' ? null : editing} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}
