import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FieldErrors } from '../shared/errors.ts';
import { fieldProps } from '../shared/forms.ts';
import type { DoctorProfile } from '../types.ts';

/** The profile fields a doctor keeps up to date themself. */
export function OwnProfileFields({ errors, initial }: { errors: FieldErrors; initial?: DoctorProfile | undefined }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Phone" type="tel" autoComplete="tel" required defaultValue={initial?.phone} {...fieldProps('phone', errors)} />
        <TextInput
          label="Years of experience (optional)"
          inputMode="numeric"
          maxLength={2}
          defaultValue={initial?.yearsOfExperience?.toString() ?? ''}
          {...fieldProps('yearsOfExperience', errors)}
        />
      </SimpleGrid>
      <TextInput
        label="Languages (optional)"
        description="Separate languages with commas, for example: English, Spanish"
        defaultValue={initial?.languages.join(', ') ?? ''}
        {...fieldProps('languages', errors)}
      />
      <Textarea
        label="About (optional)"
        description="A short introduction shown on the public profile: training, interests, approach to care."
        autosize
        minRows={4}
        maxLength={2000}
        defaultValue={initial?.bio ?? ''}
        {...fieldProps('bio', errors)}
      />
    </Stack>
  );
}
