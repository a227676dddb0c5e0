import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { changedFields } from '../shared/forms.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import type { DoctorPatchBody, DoctorProfile } from '../types.ts';
import { DeactivateDoctor } from './DeactivateDoctor.tsx';
import { DoctorAdminFields } from './DoctorAdminFields.tsx';
import { doctorFields, readDoctorForm } from './doctorForm.ts';
import { refreshDoctors, updateDoctor, useDoctorProfile } from './doctors.api.ts';
import { PhotoUpload } from './PhotoUpload.tsx';

function DoctorForm({ doctor }: { doctor: DoctorProfile }) {
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
    const result = readDoctorForm(readForm(event.currentTarget));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const current = { ...doctor, specializationId: doctor.specialization.id };
    const body: DoctorPatchBody = changedFields(current, result.values);
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
          The doctor’s profile has been updated.
        </Alert>
      )}
      {unchanged && (
        <Alert color="gray" variant="light" role="status">
          Nothing has changed, so there was nothing to save.
        </Alert>
      )}
      <FormError title="Could not save the changes" message={formSummary(save.error, errors, doctorFields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="Doctor details">
        <Stack gap="lg">
          <DoctorAdminFields errors={errors} initial={doctor} />
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

function DoctorView({ doctor }: { doctor: DoctorProfile }) {
  const { state } = useLocation();
  const created = typeof state === 'object' && state !== null && (state as { created?: unknown }).created === true;
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to="/app/doctors" c="care.8" underline="always" size="sm">
        Back to doctors
      </Anchor>
      <Stack gap="xs">
        <PageTitle mb={0}>{doctor.name}</PageTitle>
        <Group gap="xs">
          <StatusBadge active={doctor.active} />
          <Text size="sm">{doctor.specialization.name}</Text>
          {doctor.active && (
            <Anchor component={Link} to={`/doctors/${doctor.id}`} c="care.8" underline="always" size="sm">
              View public profile
            </Anchor>
          )}
        </Group>
      </Stack>
      {created && (
        <Alert color="green" variant="light" title="Doctor added" role="status">
          {doctor.name} can now sign in as {doctor.email} with the temporary password you chose, and must change it at first sign-in. Set their
          working hours next so that patients can book.
        </Alert>
      )}
      <Stack gap="sm" component="section" aria-labelledby="photo-heading">
        <Title order={2} size="h3" id="photo-heading">
          Photo
        </Title>
        <PhotoUpload doctor={doctor} own={false} />
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="details-heading">
        <Title order={2} size="h3" id="details-heading">
          Details
        </Title>
        <DoctorForm key={doctor.id} doctor={doctor} />
        <Text size="sm">
          Sign-in account:{' '}
          <Anchor component={Link} to={`/app/users/${doctor.userId}`} c="care.8" underline="always">
            unlock or set a temporary password
          </Anchor>
        </Text>
      </Stack>
      {doctor.active && <DeactivateDoctor doctor={doctor} />}
    </Stack>
  );
}

function DoctorLoader() {
  const { id = '' } = useParams();
  const query = useDoctorProfile(id);
  return (
    <QueryState query={query} what="doctor">
      {(doctor) => <DoctorView doctor={doctor} />}
    </QueryState>
  );
}

/** An administrator's view of one doctor (/app/doctors/:id): details, fee, photo, deactivation. */
export function EditDoctorPage() {
  return <ForRoles roles={['admin']}>{() => <DoctorLoader />}</ForRoles>;
}
