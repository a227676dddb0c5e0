import { Alert, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import type { DoctorProfile } from '../types.ts';
import { DoctorPhoto } from './DoctorPhoto.tsx';
import { refreshDoctors, removeDoctorPhoto, uploadDoctorPhoto } from './doctors.api.ts';

const accepted = ['image/jpeg', 'image/png', 'image/webp'];
const maxBytes = 2 * 1024 * 1024;

function fileProblem(file: File): string | null {
  if (!accepted.includes(file.type)) return 'Choose a JPEG, PNG or WebP image.';
  if (file.size > maxBytes) return 'Choose an image of at most 2 MB.';
  return null;
}

/** Reads a chosen image as a data: address for the preview (nothing to revoke afterwards). */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('Unreadable file')));
    reader.onerror = () => reject(reader.error ?? new Error('Unreadable file'));
    reader.readAsDataURL(file);
  });
}

/** Choose a photo, see it before sending, upload or remove it. */
export function PhotoUpload({ doctor, own }: { doctor: DoctorProfile; own: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadDoctorPhoto(doctor.id, chosen),
    onSuccess: async () => {
      setFile(null);
      setPreview(null);
      await refreshDoctors();
    },
  });
  const remove = useMutation({ mutationFn: () => removeDoctorPhoto(doctor.id), onSuccess: refreshDoctors });

  function choose(chosen: File | null) {
    upload.reset();
    remove.reset();
    const found = chosen ? fileProblem(chosen) : null;
    setProblem(found);
    const accept = found ? null : chosen;
    setFile(accept);
    setPreview(null);
    if (accept) {
      readAsDataUrl(accept).then(setPreview, () => setProblem('The file could not be read. Choose another image.'));
    }
  }

  const failure = upload.error ?? remove.error;
  return (
    <Stack gap="sm">
      <Group gap="lg" align="flex-start">
        <Stack gap={4} align="center">
          <DoctorPhoto id={doctor.id} name={doctor.name} hasPhoto={doctor.hasPhoto} version={doctor.updatedAt} size={112} decorative={false} />
          <Text size="sm">{doctor.hasPhoto ? 'Current photo' : 'No photo yet'}</Text>
        </Stack>
        {preview && (
          <Stack gap={4} align="center">
            <Image src={preview} alt="Preview of the chosen photo" w={112} h={112} radius="md" fit="cover" />
            <Text size="sm">Preview</Text>
          </Stack>
        )}
      </Group>
      <Text size="sm">JPEG, PNG or WebP, at most 2 MB. A square photo of the face works best.</Text>
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <FormError title="The photo could not be saved" message={failure ? errorMessage(failure) : null} />
      {upload.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {own ? 'Your photo has been updated.' : 'The photo has been updated.'}
        </Alert>
      )}
      <Group gap="sm">
        <FileButton onChange={choose} accept={accepted.join(',')}>
          {(props) => (
            <Button variant="default" {...props}>
              {doctor.hasPhoto ? 'Choose a new photo' : 'Choose a photo'}
            </Button>
          )}
        </FileButton>
        {file && (
          <Button onClick={() => upload.mutate(file)} loading={upload.isPending}>
            Upload photo
          </Button>
        )}
        {file && (
          <Button variant="subtle" onClick={() => choose(null)}>
            Cancel
          </Button>
        )}
        {!file && doctor.hasPhoto && (
          <Button variant="outline" color="red.9" onClick={() => remove.mutate()} loading={remove.isPending}>
            Remove photo
          </Button>
        )}
      </Group>
    </Stack>
  );
}
