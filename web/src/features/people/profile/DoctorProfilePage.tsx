import { Alert, Anchor, Button, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { doctorFields, readOwnProfileForm } from '../doctors/doctorForm.ts';
import { refreshDoctors, updateDoctor, useDoctorProfile } from '../doctors/doctors.api.ts';
import { OwnProfileFields } from '../doctors/OwnProfileFields.tsx';
import { PhotoUpload } from '../doctors/PhotoUpload.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { formatFee } from '../shared/format.ts';
import { changedFields } from '../shared/forms.ts';
import { QueryState } from '../shared/QueryState.tsx';
import type { DoctorPatchBody, DoctorProfile } from '../types.ts';

function SetByAdmin({ doctor }: { doctor: DoctorProfile }) {
  const rows: [string, string][] = [
    ['Name', doctor.name],
    ['Sign-in email', doctor.email],
    ['Specialization', doctor.specialization.name],
    ['Department', doctor.department ?? 'Not set'],
    ['Consultation fee', formatFee(doctor.consultationFee)],
  ];
  return (
    <Stack gap="xs">
      <DataList labelWidth="11rem" withDivider>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Text size="sm" c="dimmed">
        These are set by the hospital’s administrator. Ask them if something needs to change.
      </Text>
    </Stack>
  );
}

function OwnProfileForm({ doctor }: { doctor: DoctorProfile }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const save = useMutation({
    mutationFn: (body: DoctorPatchBody) => updateDoctor(doctor.id, body),
    onSuccess: refreshDoctors,
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    setUnchanged(false);
    const result = readOwnProfileForm(readForm(event.currentTarget));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const body: DoctorPatchBody = changedFields(doctor, result.values);
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    save.mutate(body);
  }

  return (
    <Stack gap="md">
      {save.isSuccess && (
        <Alert color="green" variant="light" title="Changes saved" role="status">
          Your profile has been updated. Patients see the change in the doctors directory.
        </Alert>
      )}
      {unchanged && (
        <Alert color="gray" variant="light" role="status">
          Nothing has changed, so there was nothing to save.
        </Alert>
      )}
      <FormError title="Could not save your profile" message={formSummary(save.error, errors, doctorFields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="Your public profile">
        <Stack gap="md">
          <OwnProfileFields errors={errors} initial={doctor} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** A doctor's own profile: what they keep up to date, their photo, and what the administrator sets. */
export function DoctorProfilePage({ doctorId }: { doctorId: string }) {
  const query = useDoctorProfile(doctorId);
  return (
    <Stack gap="lg" maw={860}>
      <PageTitle mb={0}>My profile</PageTitle>
      <QueryState query={query} what="profile">
        {(doctor) => (
          <>
            <Text>
              This is what patients see in the{' '}
              <Anchor component={Link} to={`/doctors/${doctor.id}`} c="care.8" underline="always">
                public doctors directory
              </Anchor>
              .
            </Text>
            <Stack gap="sm" component="section" aria-labelledby="photo-heading">
              <Title order={2} size="h3" id="photo-heading">
                Photo
              </Title>
              <PhotoUpload doctor={doctor} own />
            </Stack>
            <Stack gap="sm" component="section" aria-labelledby="own-heading">
              <Title order={2} size="h3" id="own-heading">
                About you
              </Title>
              <OwnProfileForm doctor={doctor} />
            </Stack>
            <Stack gap="sm" component="section" aria-labelledby="admin-heading">
              <Title order={2} size="h3" id="admin-heading">
                Set by the administrator
              </Title>
              <SetByAdmin doctor={doctor} />
            </Stack>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
