import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';
import { genderOptions } from '../../auth/genders.ts';
import { FormSection } from '../shared/FormSection.tsx';
import type { FieldErrors } from '../shared/errors.ts';
import { fieldProps } from '../shared/forms.ts';
import type { PatientProfile } from '../types.ts';
import { bloodGroups } from './bloodGroups.ts';

interface PatientFieldsProps {
  errors: FieldErrors;
  initial?: PatientProfile | undefined;
  /** Staff forms carry date of birth and gender; a patient's own profile shows them read-only elsewhere. */
  withIdentity: boolean;
  emailRequired?: boolean;
  onEmailChange?: (email: string) => void;
  /** Shown right after the email field (the current-password field of a patient's own profile). */
  afterEmail?: ReactNode;
}

/** The demographic and contact fields of a patient, grouped under legends. */
export function PatientFields({ errors, initial, withIdentity, emailRequired = false, onEmailChange, afterEmail }: PatientFieldsProps) {
  const onEmail = onEmailChange ? (event: ChangeEvent<HTMLInputElement>) => onEmailChange(event.currentTarget.value) : undefined;
  return (
    <Stack gap="lg">
      <FormSection legend="Personal details">
        <Stack gap="md">
          <TextInput label="Full name" autoComplete="name" required defaultValue={initial?.name} {...fieldProps('name', errors)} />
          {withIdentity && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Date of birth" type="date" required defaultValue={initial?.dateOfBirth} {...fieldProps('dateOfBirth', errors)} />
              <NativeSelect
                label="Gender"
                required
                defaultValue={initial?.gender ?? ''}
                data={[{ value: '', label: 'Choose…', disabled: true }, ...genderOptions]}
                {...fieldProps('gender', errors)}
              />
            </SimpleGrid>
          )}
        </Stack>
      </FormSection>
      <FormSection legend="Contact details">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Phone" type="tel" autoComplete="tel" required defaultValue={initial?.phone} {...fieldProps('phone', errors)} />
            <TextInput
              label={emailRequired ? 'Email' : 'Email (optional)'}
              type="email"
              autoComplete="email"
              required={emailRequired}
              defaultValue={initial?.email ?? ''}
              onChange={onEmail}
              {...fieldProps('email', errors)}
            />
          </SimpleGrid>
          {afterEmail}
          <Textarea
            label="Address (optional)"
            autoComplete="street-address"
            autosize
            minRows={2}
            defaultValue={initial?.address ?? ''}
            {...fieldProps('address', errors)}
          />
        </Stack>
      </FormSection>
      <FormSection legend="Emergency contact (optional)">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Contact name" defaultValue={initial?.emergencyContact?.name ?? ''} {...fieldProps('emergencyContact.name', errors)} />
          <TextInput
            label="Contact phone"
            type="tel"
            defaultValue={initial?.emergencyContact?.phone ?? ''}
            {...fieldProps('emergencyContact.phone', errors)}
          />
        </SimpleGrid>
      </FormSection>
      <FormSection legend="Health">
        <NativeSelect
          label="Blood group"
          defaultValue={initial?.bloodGroup ?? ''}
          data={[{ value: '', label: 'Not known' }, ...bloodGroups]}
          maw={{ sm: 240 }}
          {...fieldProps('bloodGroup', errors)}
        />
      </FormSection>
    </Stack>
  );
}
