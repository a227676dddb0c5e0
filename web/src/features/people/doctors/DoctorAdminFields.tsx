import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FormSection } from '../shared/FormSection.tsx';
import type { FieldErrors } from '../shared/errors.ts';
import { feeAmount } from '../shared/format.ts';
import { fieldProps } from '../shared/forms.ts';
import type { DoctorProfile } from '../types.ts';
import { OwnProfileFields } from './OwnProfileFields.tsx';
import { SpecializationSelect } from './SpecializationSelect.tsx';

/** Every field of a doctor an administrator sets (the password is the new-doctor page's own). */
export function DoctorAdminFields({ errors, initial }: { errors: FieldErrors; initial?: DoctorProfile | undefined }) {
  return (
    <Stack gap="lg">
      <FormSection legend="Doctor">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Full name" required defaultValue={initial?.name} {...fieldProps('name', errors)} />
            <TextInput label="Sign-in email" type="email" required defaultValue={initial?.email} {...fieldProps('email', errors)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SpecializationSelect
              label="Specialization"
              required
              emptyLabel="Choose…"
              emptyDisabled
              defaultValue={initial?.specialization.id ?? ''}
              current={initial?.specialization}
              {...fieldProps('specializationId', errors)}
            />
            <TextInput label="Department (optional)" defaultValue={initial?.department ?? ''} {...fieldProps('department', errors)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Consultation fee (optional)"
              inputMode="decimal"
              description="Leave empty when there is no fee to show"
              defaultValue={initial?.consultationFee ? feeAmount(initial.consultationFee) : ''}
              {...fieldProps('consultationFee.amountMinor', errors)}
            />
            <TextInput
              label="Currency"
              description="Three-letter code"
              maxLength={3}
              defaultValue={initial?.consultationFee?.currency ?? 'GBP'}
              {...fieldProps('consultationFee.currency', errors)}
            />
          </SimpleGrid>
        </Stack>
      </FormSection>
      <FormSection legend="Profile">
        <OwnProfileFields errors={errors} initial={initial} />
      </FormSection>
      <FormSection legend="Shown on the public profile">
        <Stack gap="xs">
          <Checkbox label="Show the email address" name="publicEmail" value="yes" defaultChecked={initial?.publicEmail ?? false} />
          <Checkbox label="Show the phone number" name="publicPhone" value="yes" defaultChecked={initial?.publicPhone ?? false} />
        </Stack>
      </FormSection>
    </Stack>
  );
}
